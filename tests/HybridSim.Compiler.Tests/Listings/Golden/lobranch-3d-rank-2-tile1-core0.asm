; tile 1 (digital) core 0: 99 instructions
      0  load   dest=r8 addr=0 width=2 count=2                      ; conv
      1  load   dest=r14 addr=8 width=2 count=2                     ; conv
      2  set    dest=r0 value=0 len=8                               ; conv
      3  set    dest=r12 value=0 len=2                              ; conv
      4  mvm    mask=0x1                                            ; conv
      5  store  addr=96 src=r4096 consumers=1 width=2 count=1       ; conv
      6  load   dest=r6 addr=0 width=2 count=3                      ; conv
      7  load   dest=r12 addr=8 width=2 count=3                     ; conv
      8  set    dest=r0 value=0 len=6                               ; conv
      9  mvm    mask=0x1                                            ; conv
     10  store  addr=98 src=r4096 consumers=1 width=2 count=1       ; conv
     11  load   dest=r6 addr=2 width=2 count=3                      ; conv
     12  load   dest=r12 addr=10 width=2 count=3                    ; conv
     13  set    dest=r0 value=0 len=6                               ; conv
     14  mvm    mask=0x1                                            ; conv
     15  store  addr=100 src=r4096 consumers=1 width=2 count=1      ; conv
     16  load   dest=r6 addr=4 width=2 count=2                      ; conv
     17  load   dest=r12 addr=12 width=2 count=2                    ; conv
     18  set    dest=r0 value=0 len=6                               ; conv
     19  set    dest=r10 value=0 len=2                              ; conv
     20  set    dest=r16 value=0 len=2                              ; conv
     21  mvm    mask=0x1                                            ; conv
     22  store  addr=102 src=r4096 consumers=1 width=2 count=1      ; conv
     23  load   dest=r2 addr=0 width=2 count=2                      ; conv
     24  load   dest=r8 addr=8 width=2 count=2                      ; conv
     25  load   dest=r14 addr=16 width=2 count=2                    ; conv
     26  set    dest=r0 value=0 len=2                               ; conv
     27  set    dest=r6 value=0 len=2                               ; conv
     28  set    dest=r12 value=0 len=2                              ; conv
     29  mvm    mask=0x1                                            ; conv
     30  store  addr=104 src=r4096 consumers=1 width=2 count=1      ; conv
     31  load   dest=r0 addr=0 width=2 count=3                      ; conv
     32  load   dest=r6 addr=8 width=2 count=3                      ; conv
     33  load   dest=r12 addr=16 width=2 count=3                    ; conv
     34  mvm    mask=0x1                                            ; conv
     35  store  addr=106 src=r4096 consumers=1 width=2 count=1      ; conv
     36  load   dest=r0 addr=2 width=2 count=3                      ; conv
     37  load   dest=r6 addr=10 width=2 count=3                     ; conv
     38  load   dest=r12 addr=18 width=2 count=3                    ; conv
     39  mvm    mask=0x1                                            ; conv
     40  store  addr=108 src=r4096 consumers=1 width=2 count=1      ; conv
     41  load   dest=r0 addr=4 width=2 count=2                      ; conv
     42  load   dest=r6 addr=12 width=2 count=2                     ; conv
     43  load   dest=r12 addr=20 width=2 count=2                    ; conv
     44  set    dest=r4 value=0 len=2                               ; conv
     45  set    dest=r10 value=0 len=2                              ; conv
     46  set    dest=r16 value=0 len=2                              ; conv
     47  mvm    mask=0x1                                            ; conv
     48  store  addr=110 src=r4096 consumers=1 width=2 count=1      ; conv
     49  load   dest=r2 addr=8 width=2 count=2                      ; conv
     50  load   dest=r8 addr=16 width=2 count=2                     ; conv
     51  load   dest=r14 addr=24 width=2 count=2                    ; conv
     52  set    dest=r0 value=0 len=2                               ; conv
     53  set    dest=r6 value=0 len=2                               ; conv
     54  set    dest=r12 value=0 len=2                              ; conv
     55  mvm    mask=0x1                                            ; conv
     56  store  addr=112 src=r4096 consumers=1 width=2 count=1      ; conv
     57  load   dest=r0 addr=8 width=2 count=3                      ; conv
     58  load   dest=r6 addr=16 width=2 count=3                     ; conv
     59  load   dest=r12 addr=24 width=2 count=3                    ; conv
     60  mvm    mask=0x1                                            ; conv
     61  store  addr=114 src=r4096 consumers=1 width=2 count=1      ; conv
     62  load   dest=r0 addr=10 width=2 count=3                     ; conv
     63  load   dest=r6 addr=18 width=2 count=3                     ; conv
     64  load   dest=r12 addr=26 width=2 count=3                    ; conv
     65  mvm    mask=0x1                                            ; conv
     66  store  addr=116 src=r4096 consumers=1 width=2 count=1      ; conv
     67  load   dest=r0 addr=12 width=2 count=2                     ; conv
     68  load   dest=r6 addr=20 width=2 count=2                     ; conv
     69  load   dest=r12 addr=28 width=2 count=2                    ; conv
     70  set    dest=r4 value=0 len=2                               ; conv
     71  set    dest=r10 value=0 len=2                              ; conv
     72  set    dest=r16 value=0 len=2                              ; conv
     73  mvm    mask=0x1                                            ; conv
     74  store  addr=118 src=r4096 consumers=1 width=2 count=1      ; conv
     75  load   dest=r2 addr=16 width=2 count=2                     ; conv
     76  load   dest=r8 addr=24 width=2 count=2                     ; conv
     77  set    dest=r0 value=0 len=2                               ; conv
     78  set    dest=r6 value=0 len=2                               ; conv
     79  set    dest=r12 value=0 len=6                              ; conv
     80  mvm    mask=0x1                                            ; conv
     81  store  addr=120 src=r4096 consumers=1 width=2 count=1      ; conv
     82  load   dest=r0 addr=16 width=2 count=3                     ; conv
     83  load   dest=r6 addr=24 width=2 count=3                     ; conv
     84  set    dest=r12 value=0 len=6                              ; conv
     85  mvm    mask=0x1                                            ; conv
     86  store  addr=122 src=r4096 consumers=1 width=2 count=1      ; conv
     87  load   dest=r0 addr=18 width=2 count=3                     ; conv
     88  load   dest=r6 addr=26 width=2 count=3                     ; conv
     89  set    dest=r12 value=0 len=6                              ; conv
     90  mvm    mask=0x1                                            ; conv
     91  store  addr=124 src=r4096 consumers=1 width=2 count=1      ; conv
     92  load   dest=r0 addr=20 width=2 count=2                     ; conv
     93  load   dest=r6 addr=28 width=2 count=2                     ; conv
     94  set    dest=r4 value=0 len=2                               ; conv
     95  set    dest=r10 value=0 len=8                              ; conv
     96  mvm    mask=0x1                                            ; conv
     97  store  addr=126 src=r4096 consumers=1 width=2 count=1      ; conv
     98  halt
