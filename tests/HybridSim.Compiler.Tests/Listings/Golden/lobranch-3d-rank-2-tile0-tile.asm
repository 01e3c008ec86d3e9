; tile 0 (analog) send/receive engine: 50 instructions
; initially valid: addr=142 len=2 consumers=4
; initially valid: addr=144 len=4 consumers=6
; initially valid: addr=148 len=2 consumers=4
; initially valid: addr=150 len=2 consumers=6
; initially valid: addr=152 len=4 consumers=9
; initially valid: addr=156 len=4 consumers=6
; initially valid: addr=160 len=4 consumers=9
; initially valid: addr=164 len=2 consumers=6
; initially valid: addr=166 len=2 consumers=4
; initially valid: addr=168 len=4 consumers=6
; initially valid: addr=172 len=2 consumers=4
; initially valid: addr=174 len=32 consumers=1
      0  send   addr=174 target=1 fifo=0 width=2 count=1            ; conv
      1  send   addr=176 target=1 fifo=0 width=2 count=1            ; conv
      2  send   addr=178 target=1 fifo=0 width=2 count=1            ; conv
      3  send   addr=180 target=1 fifo=0 width=2 count=1            ; conv
      4  send   addr=182 target=1 fifo=0 width=2 count=1            ; conv
      5  send   addr=184 target=1 fifo=0 width=2 count=1            ; conv
      6  send   addr=186 target=1 fifo=0 width=2 count=1            ; conv
      7  send   addr=188 target=1 fifo=0 width=2 count=1            ; conv
      8  send   addr=190 target=1 fifo=0 width=2 count=1            ; conv
      9  send   addr=192 target=1 fifo=0 width=2 count=1            ; conv
     10  send   addr=194 target=1 fifo=0 width=2 count=1            ; conv
     11  send   addr=196 target=1 fifo=0 width=2 count=1            ; conv
     12  receive addr=72 fifo=1 consumers=1 width=4 count=1         ; conv
     13  receive addr=76 fifo=1 consumers=1 width=4 count=1         ; conv
     14  receive addr=80 fifo=1 consumers=1 width=4 count=1         ; conv
     15  send   addr=198 target=1 fifo=0 width=2 count=1            ; conv
     16  send   addr=200 target=1 fifo=0 width=2 count=1            ; conv
     17  send   addr=64 target=1 fifo=0 width=4 count=1             ; conv
     18  receive addr=84 fifo=1 consumers=1 width=4 count=1         ; conv
     19  send   addr=202 target=1 fifo=0 width=2 count=1            ; conv
     20  send   addr=204 target=1 fifo=0 width=2 count=1            ; conv
     21  send   addr=68 target=1 fifo=0 width=4 count=1             ; conv
     22  receive addr=88 fifo=1 consumers=1 width=4 count=1         ; conv
     23  send   addr=64 target=1 fifo=0 width=4 count=1             ; conv
     24  receive addr=92 fifo=1 consumers=1 width=4 count=1         ; conv
     25  send   addr=68 target=1 fifo=0 width=4 count=1             ; conv
     26  receive addr=96 fifo=1 consumers=1 width=4 count=1         ; conv
     27  send   addr=64 target=1 fifo=0 width=4 count=1             ; conv
     28  receive addr=100 fifo=1 consumers=1 width=4 count=1        ; conv
     29  send   addr=68 target=1 fifo=0 width=4 count=1             ; conv
     30  receive addr=104 fifo=1 consumers=1 width=4 count=1        ; conv
     31  send   addr=64 target=1 fifo=0 width=4 count=1             ; conv
     32  receive addr=108 fifo=1 consumers=1 width=4 count=1        ; conv
     33  send   addr=68 target=1 fifo=0 width=4 count=1             ; conv
     34  receive addr=112 fifo=1 consumers=1 width=4 count=1        ; conv
     35  send   addr=64 target=1 fifo=0 width=4 count=1             ; conv
     36  receive addr=116 fifo=1 consumers=1 width=4 count=1        ; conv
     37  send   addr=68 target=1 fifo=0 width=4 count=1             ; conv
     38  receive addr=120 fifo=1 consumers=1 width=4 count=1        ; conv
     39  send   addr=64 target=1 fifo=0 width=4 count=1             ; conv
     40  receive addr=124 fifo=1 consumers=1 width=4 count=1        ; conv
     41  send   addr=68 target=1 fifo=0 width=4 count=1             ; conv
     42  receive addr=128 fifo=1 consumers=1 width=4 count=1        ; conv
     43  send   addr=64 target=1 fifo=0 width=4 count=1             ; conv
     44  receive addr=132 fifo=1 consumers=1 width=4 count=1        ; conv
     45  send   addr=68 target=1 fifo=0 width=4 count=1             ; conv
     46  send   addr=64 target=1 fifo=0 width=4 count=1             ; conv
     47  send   addr=68 target=1 fifo=0 width=4 count=1             ; conv
     48  receive addr=139 fifo=1 consumers=1 width=3 count=1        ; fc
     49  halt
