; tile 1 (digital) core 3: 4 instructions
      0  load   dest=r0 addr=136 width=2 count=1                    ; fc
      1  mvm    mask=0x1                                            ; fc
      2  store  addr=138 src=r4096 consumers=1 width=3 count=1      ; fc
      3  halt
