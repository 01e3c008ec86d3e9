; tile 1 (digital) core 0: 153 instructions
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
     11  load   dest=r64 addr=96 width=2 count=1                    ; conv
     12  mvm    mask=0x2                                            ; conv
     13  store  addr=128 src=r4160 consumers=1 width=4 count=1      ; conv
     14  load   dest=r6 addr=2 width=2 count=3                      ; conv
     15  load   dest=r12 addr=10 width=2 count=3                    ; conv
     16  set    dest=r0 value=0 len=6                               ; conv
     17  mvm    mask=0x1                                            ; conv
     18  store  addr=100 src=r4096 consumers=1 width=2 count=1      ; conv
     19  load   dest=r64 addr=98 width=2 count=1                    ; conv
     20  mvm    mask=0x2                                            ; conv
     21  store  addr=132 src=r4160 consumers=1 width=4 count=1      ; conv
     22  load   dest=r6 addr=4 width=2 count=2                      ; conv
     23  load   dest=r12 addr=12 width=2 count=2                    ; conv
     24  set    dest=r0 value=0 len=6                               ; conv
     25  set    dest=r10 value=0 len=2                              ; conv
     26  set    dest=r16 value=0 len=2                              ; conv
     27  mvm    mask=0x1                                            ; conv
     28  store  addr=102 src=r4096 consumers=1 width=2 count=1      ; conv
     29  load   dest=r64 addr=100 width=2 count=1                   ; conv
     30  mvm    mask=0x2                                            ; conv
     31  store  addr=128 src=r4160 consumers=1 width=4 count=1      ; conv
     32  load   dest=r2 addr=0 width=2 count=2                      ; conv
     33  load   dest=r8 addr=8 width=2 count=2                      ; conv
     34  load   dest=r14 addr=16 width=2 count=2                    ; conv
     35  set    dest=r0 value=0 len=2                               ; conv
     36  set    dest=r6 value=0 len=2                               ; conv
     37  set    dest=r12 value=0 len=2                              ; conv
     38  mvm    mask=0x1                                            ; conv
     39  store  addr=104 src=r4096 consumers=1 width=2 count=1      ; conv
     40  load   dest=r64 addr=102 width=2 count=1                   ; conv
     41  mvm    mask=0x2                                            ; conv
     42  store  addr=132 src=r4160 consumers=1 width=4 count=1      ; conv
     43  load   dest=r0 addr=0 width=2 count=3                      ; conv
     44  load   dest=r6 addr=8 width=2 count=3                      ; conv
     45  load   dest=r12 addr=16 width=2 count=3                    ; conv
     46  mvm    mask=0x1                                            ; conv
     47  store  addr=106 src=r4096 consumers=1 width=2 count=1      ; conv
     48  load   dest=r64 addr=104 width=2 count=1                   ; conv
     49  mvm    mask=0x2                                            ; conv
     50  store  addr=128 src=r4160 consumers=1 width=4 count=1      ; conv
     51  load   dest=r0 addr=2 width=2 count=3                      ; conv
     52  load   dest=r6 addr=10 width=2 count=3                     ; conv
     53  load   dest=r12 addr=18 width=2 count=3                    ; conv
     54  mvm    mask=0x1                                            ; conv
     55  store  addr=108 src=r4096 consumers=1 width=2 count=1      ; conv
     56  load   dest=r64 addr=106 width=2 count=1                   ; conv
     57  mvm    mask=0x2                                            ; conv
     58  store  addr=132 src=r4160 consumers=1 width=4 count=1      ; conv
     59  load   dest=r0 addr=4 width=2 count=2                      ; conv
     60  load   dest=r6 addr=12 width=2 count=2                     ; conv
     61  load   dest=r12 addr=20 width=2 count=2                    ; conv
     62  set    dest=r4 value=0 len=2                               ; conv
     63  set    dest=r10 value=0 len=2                              ; conv
     64  set    dest=r16 value=0 len=2                              ; conv
     65  mvm    mask=0x1                                            ; conv
     66  store  addr=110 src=r4096 consumers=1 width=2 count=1      ; conv
     67  load   dest=r64 addr=108 width=2 count=1                   ; conv
     68  mvm    mask=0x2                                            ; conv
     69  store  addr=128 src=r4160 consumers=1 width=4 count=1      ; conv
     70  load   dest=r2 addr=8 width=2 count=2                      ; conv
     71  load   dest=r8 addr=16 width=2 count=2                     ; conv
     72  load   dest=r14 addr=24 width=2 count=2                    ; conv
     73  set    dest=r0 value=0 len=2                               ; conv
     74  set    dest=r6 value=0 len=2                               ; conv
     75  set    dest=r12 value=0 len=2                              ; conv
     76  mvm    mask=0x1                                            ; conv
     77  store  addr=112 src=r4096 consumers=1 width=2 count=1      ; conv
     78  load   dest=r64 addr=110 width=2 count=1                   ; conv
     79  mvm    mask=0x2                                            ; conv
     80  store  addr=132 src=r4160 consumers=1 width=4 count=1      ; conv
     81  load   dest=r0 addr=8 width=2 count=3                      ; conv
     82  load   dest=r6 addr=16 width=2 count=3                     ; conv
     83  load   dest=r12 addr=24 width=2 count=3                    ; conv
     84  mvm    mask=0x1                                            ; conv
     85  store  addr=114 src=r4096 consumers=1 width=2 count=1      ; conv
     86  load   dest=r64 addr=112 width=2 count=1                   ; conv
     87  mvm    mask=0x2                                            ; conv
     88  store  addr=128 src=r4160 consumers=1 width=4 count=1      ; conv
     89  load   dest=r0 addr=10 width=2 count=3                     ; conv
     90  load   dest=r6 addr=18 width=2 count=3                     ; conv
     91  load   dest=r12 addr=26 width=2 count=3                    ; conv
     92  mvm    mask=0x1                                            ; conv
     93  store  addr=116 src=r4096 consumers=1 width=2 count=1      ; conv
     94  load   dest=r64 addr=114 width=2 count=1                   ; conv
     95  mvm    mask=0x2                                            ; conv
     96  store  addr=132 src=r4160 consumers=1 width=4 count=1      ; conv
     97  load   dest=r0 addr=12 width=2 count=2                     ; conv
     98  load   dest=r6 addr=20 width=2 count=2                     ; conv
     99  load   dest=r12 addr=28 width=2 count=2                    ; conv
    100  set    dest=r4 value=0 len=2                               ; conv
    101  set    dest=r10 value=0 len=2                              ; conv
    102  set    dest=r16 value=0 len=2                              ; conv
    103  mvm    mask=0x1                                            ; conv
    104  store  addr=118 src=r4096 consumers=1 width=2 count=1      ; conv
    105  load   dest=r64 addr=116 width=2 count=1                   ; conv
    106  mvm    mask=0x2                                            ; conv
    107  store  addr=128 src=r4160 consumers=1 width=4 count=1      ; conv
    108  load   dest=r2 addr=16 width=2 count=2                     ; conv
    109  load   dest=r8 addr=24 width=2 count=2                     ; conv
    110  set    dest=r0 value=0 len=2                               ; conv
    111  set    dest=r6 value=0 len=2                               ; conv
    112  set    dest=r12 value=0 len=6                              ; conv
    113  mvm    mask=0x1                                            ; conv
    114  store  addr=120 src=r4096 consumers=1 width=2 count=1      ; conv
    115  load   dest=r64 addr=118 width=2 count=1                   ; conv
    116  mvm    mask=0x2                                            ; conv
    117  store  addr=132 src=r4160 consumers=1 width=4 count=1      ; conv
    118  load   dest=r0 addr=16 width=2 count=3                     ; conv
    119  load   dest=r6 addr=24 width=2 count=3                     ; conv
    120  set    dest=r12 value=0 len=6                              ; conv
    121  mvm    mask=0x1                                            ; conv
    122  store  addr=122 src=r4096 consumers=1 width=2 count=1      ; conv
    123  load   dest=r64 addr=120 width=2 count=1                   ; conv
    124  mvm    mask=0x2                                            ; conv
    125  store  addr=128 src=r4160 consumers=1 width=4 count=1      ; conv
    126  load   dest=r0 addr=18 width=2 count=3                     ; conv
    127  load   dest=r6 addr=26 width=2 count=3                     ; conv
    128  set    dest=r12 value=0 len=6                              ; conv
    129  mvm    mask=0x1                                            ; conv
    130  store  addr=124 src=r4096 consumers=1 width=2 count=1      ; conv
    131  load   dest=r64 addr=122 width=2 count=1                   ; conv
    132  mvm    mask=0x2                                            ; conv
    133  store  addr=132 src=r4160 consumers=1 width=4 count=1      ; conv
    134  load   dest=r0 addr=20 width=2 count=2                     ; conv
    135  load   dest=r6 addr=28 width=2 count=2                     ; conv
    136  set    dest=r4 value=0 len=2                               ; conv
    137  set    dest=r10 value=0 len=8                              ; conv
    138  mvm    mask=0x1                                            ; conv
    139  store  addr=126 src=r4096 consumers=1 width=2 count=1      ; conv
    140  load   dest=r64 addr=124 width=2 count=1                   ; conv
    141  mvm    mask=0x2                                            ; conv
    142  store  addr=128 src=r4160 consumers=1 width=4 count=1      ; conv
    143  load   dest=r64 addr=126 width=2 count=1                   ; conv
    144  mvm    mask=0x2                                            ; conv
    145  store  addr=132 src=r4160 consumers=1 width=4 count=1      ; conv
    146  load   dest=r128 addr=32 width=4 count=16                  ; fc
    147  mvm    mask=0x4                                            ; fc
    148  store  addr=136 src=r4224 consumers=1 width=2 count=1      ; fc
    149  load   dest=r192 addr=136 width=2 count=1                  ; fc
    150  mvm    mask=0x8                                            ; fc
    151  store  addr=138 src=r4288 consumers=1 width=3 count=1      ; fc
    152  halt
