; tile 1 (digital) send/receive engine: 2 instructions
      0  receive addr=2048 fifo=0 consumers=1 width=16 count=8      ; fc1
      1  halt
