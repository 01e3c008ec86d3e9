; tile 0 (analog) core 1: 8 instructions
      0  load   dest=r0 addr=0 width=4 count=16                     ; fc
      1  mvm    mask=0x1                                            ; fc
      2  load   dest=r515 addr=139 width=3 count=1                  ; fc
      3  alu    op=add dest=r512 src1=r256 src2=r515 len=3          ; fc
      4  set    dest=r518 value=0 len=3                             ; fc
      5  alu    op=add dest=r512 src1=r512 src2=r518 len=3          ; fc
      6  store  addr=136 src=r512 consumers=0 width=3 count=1       ; fc
      7  halt
