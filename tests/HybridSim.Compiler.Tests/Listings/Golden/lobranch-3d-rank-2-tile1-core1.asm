; tile 1 (digital) core 1: 49 instructions
      0  load   dest=r0 addr=96 width=2 count=1                     ; conv
      1  mvm    mask=0x1                                            ; conv
      2  store  addr=128 src=r4096 consumers=1 width=4 count=1      ; conv
      3  load   dest=r0 addr=98 width=2 count=1                     ; conv
      4  mvm    mask=0x1                                            ; conv
      5  store  addr=132 src=r4096 consumers=1 width=4 count=1      ; conv
      6  load   dest=r0 addr=100 width=2 count=1                    ; conv
      7  mvm    mask=0x1                                            ; conv
      8  store  addr=128 src=r4096 consumers=1 width=4 count=1      ; conv
      9  load   dest=r0 addr=102 width=2 count=1                    ; conv
     10  mvm    mask=0x1                                            ; conv
     11  store  addr=132 src=r4096 consumers=1 width=4 count=1      ; conv
     12  load   dest=r0 addr=104 width=2 count=1                    ; conv
     13  mvm    mask=0x1                                            ; conv
     14  store  addr=128 src=r4096 consumers=1 width=4 count=1      ; conv
     15  load   dest=r0 addr=106 width=2 count=1                    ; conv
     16  mvm    mask=0x1                                            ; conv
     17  store  addr=132 src=r4096 consumers=1 width=4 count=1      ; conv
     18  load   dest=r0 addr=108 width=2 count=1                    ; conv
     19  mvm    mask=0x1                                            ; conv
     20  store  addr=128 src=r4096 consumers=1 width=4 count=1      ; conv
     21  load   dest=r0 addr=110 width=2 count=1                    ; conv
     22  mvm    mask=0x1                                            ; conv
     23  store  addr=132 src=r4096 consumers=1 width=4 count=1      ; conv
     24  load   dest=r0 addr=112 width=2 count=1                    ; conv
     25  mvm    mask=0x1                                            ; conv
     26  store  addr=128 src=r4096 consumers=1 width=4 count=1      ; conv
     27  load   dest=r0 addr=114 width=2 count=1                    ; conv
     28  mvm    mask=0x1                                            ; conv
     29  store  addr=132 src=r4096 consumers=1 width=4 count=1      ; conv
     30  load   dest=r0 addr=116 width=2 count=1                    ; conv
     31  mvm    mask=0x1                                            ; conv
     32  store  addr=128 src=r4096 consumers=1 width=4 count=1      ; conv
     33  load   dest=r0 addr=118 width=2 count=1                    ; conv
     34  mvm    mask=0x1                                            ; conv
     35  store  addr=132 src=r4096 consumers=1 width=4 count=1      ; conv
     36  load   dest=r0 addr=120 width=2 count=1                    ; conv
     37  mvm    mask=0x1                                            ; conv
     38  store  addr=128 src=r4096 consumers=1 width=4 count=1      ; conv
     39  load   dest=r0 addr=122 width=2 count=1                    ; conv
     40  mvm    mask=0x1                                            ; conv
     41  store  addr=132 src=r4096 consumers=1 width=4 count=1      ; conv
     42  load   dest=r0 addr=124 width=2 count=1                    ; conv
     43  mvm    mask=0x1                                            ; conv
     44  store  addr=128 src=r4096 consumers=1 width=4 count=1      ; conv
     45  load   dest=r0 addr=126 width=2 count=1                    ; conv
     46  mvm    mask=0x1                                            ; conv
     47  store  addr=132 src=r4096 consumers=1 width=4 count=1      ; conv
     48  halt
