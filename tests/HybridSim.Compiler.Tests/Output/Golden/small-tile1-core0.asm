; tile 1 (digital) core 0: 5 instructions
      0  load   dest=r0 addr=2048 width=16 count=8                  ; fc2
      1  mvm    mask=0x3                                            ; fc2
      2  alui   op=mul dest=r512 src=r256 imm=0.125 len=128         ; fc2
      3  store  addr=4096 src=r512 consumers=0 width=16 count=8     ; fc2
      4  halt
