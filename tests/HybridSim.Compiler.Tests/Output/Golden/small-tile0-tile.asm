; tile 0 (analog) send/receive engine: 2 instructions
; initially valid: addr=0 len=128 consumers=1
      0  send   addr=1024 target=1 fifo=0 width=16 count=8          ; fc1
      1  halt
