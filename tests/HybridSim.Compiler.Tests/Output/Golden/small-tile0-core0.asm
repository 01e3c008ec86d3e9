; tile 0 (analog) core 0: 7 instructions
      0  load   dest=r0 addr=0 width=16 count=8                     ; fc1
      1  set    dest=r512 value=-1 len=4                            ; fc1
      2  mvm    mask=0x3                                            ; fc1
      3  alu    op=add dest=r512 src1=r256 src2=r384 len=128        ; fc1
      4  alu    op=relu dest=r512 src=r512 len=128                  ; fc1
      5  store  addr=1024 src=r512 consumers=1 width=16 count=8     ; fc1
      6  halt
