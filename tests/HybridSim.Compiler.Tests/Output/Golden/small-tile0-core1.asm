; tile 0 (analog) core 1: 2 instructions
      0  copy   dest=r600 src=r512 len=16
      1  halt
