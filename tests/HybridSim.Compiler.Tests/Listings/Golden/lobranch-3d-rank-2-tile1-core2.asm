; tile 1 (digital) core 2: 4 instructions
      0  load   dest=r0 addr=32 width=4 count=16                    ; fc
      1  mvm    mask=0x1                                            ; fc
      2  store  addr=136 src=r4096 consumers=1 width=2 count=1      ; fc
      3  halt
