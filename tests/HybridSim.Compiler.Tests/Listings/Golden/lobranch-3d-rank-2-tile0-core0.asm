; tile 0 (analog) core 0: 163 instructions
      0  load   dest=r8 addr=142 width=2 count=2                    ; conv
      1  load   dest=r14 addr=150 width=2 count=2                   ; conv
      2  set    dest=r0 value=0 len=8                               ; conv
      3  set    dest=r12 value=0 len=2                              ; conv
      4  mvm    mask=0x1                                            ; conv
      5  load   dest=r516 addr=72 width=4 count=1                   ; conv
      6  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
      7  alu    op=relu dest=r512 src=r512 len=4                    ; conv
      8  store  addr=0 src=r512 consumers=1 width=4 count=1         ; conv
      9  store  addr=64 src=r512 consumers=1 width=4 count=1        ; conv
     10  load   dest=r6 addr=142 width=2 count=3                    ; conv
     11  load   dest=r12 addr=150 width=2 count=3                   ; conv
     12  set    dest=r0 value=0 len=6                               ; conv
     13  mvm    mask=0x1                                            ; conv
     14  load   dest=r516 addr=76 width=4 count=1                   ; conv
     15  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
     16  alu    op=relu dest=r512 src=r512 len=4                    ; conv
     17  store  addr=4 src=r512 consumers=1 width=4 count=1         ; conv
     18  store  addr=68 src=r512 consumers=1 width=4 count=1        ; conv
     19  load   dest=r6 addr=144 width=2 count=3                    ; conv
     20  load   dest=r12 addr=152 width=2 count=3                   ; conv
     21  set    dest=r0 value=0 len=6                               ; conv
     22  mvm    mask=0x1                                            ; conv
     23  load   dest=r516 addr=80 width=4 count=1                   ; conv
     24  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
     25  alu    op=relu dest=r512 src=r512 len=4                    ; conv
     26  store  addr=8 src=r512 consumers=1 width=4 count=1         ; conv
     27  store  addr=64 src=r512 consumers=1 width=4 count=1        ; conv
     28  load   dest=r6 addr=146 width=2 count=2                    ; conv
     29  load   dest=r12 addr=154 width=2 count=2                   ; conv
     30  set    dest=r0 value=0 len=6                               ; conv
     31  set    dest=r10 value=0 len=2                              ; conv
     32  set    dest=r16 value=0 len=2                              ; conv
     33  mvm    mask=0x1                                            ; conv
     34  load   dest=r516 addr=84 width=4 count=1                   ; conv
     35  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
     36  alu    op=relu dest=r512 src=r512 len=4                    ; conv
     37  store  addr=12 src=r512 consumers=1 width=4 count=1        ; conv
     38  store  addr=68 src=r512 consumers=1 width=4 count=1        ; conv
     39  load   dest=r2 addr=142 width=2 count=2                    ; conv
     40  load   dest=r8 addr=150 width=2 count=2                    ; conv
     41  load   dest=r14 addr=158 width=2 count=2                   ; conv
     42  set    dest=r0 value=0 len=2                               ; conv
     43  set    dest=r6 value=0 len=2                               ; conv
     44  set    dest=r12 value=0 len=2                              ; conv
     45  mvm    mask=0x1                                            ; conv
     46  load   dest=r516 addr=88 width=4 count=1                   ; conv
     47  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
     48  alu    op=relu dest=r512 src=r512 len=4                    ; conv
     49  store  addr=16 src=r512 consumers=1 width=4 count=1        ; conv
     50  store  addr=64 src=r512 consumers=1 width=4 count=1        ; conv
     51  load   dest=r0 addr=142 width=2 count=3                    ; conv
     52  load   dest=r6 addr=150 width=2 count=3                    ; conv
     53  load   dest=r12 addr=158 width=2 count=3                   ; conv
     54  mvm    mask=0x1                                            ; conv
     55  load   dest=r516 addr=92 width=4 count=1                   ; conv
     56  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
     57  alu    op=relu dest=r512 src=r512 len=4                    ; conv
     58  store  addr=20 src=r512 consumers=1 width=4 count=1        ; conv
     59  store  addr=68 src=r512 consumers=1 width=4 count=1        ; conv
     60  load   dest=r0 addr=144 width=2 count=3                    ; conv
     61  load   dest=r6 addr=152 width=2 count=3                    ; conv
     62  load   dest=r12 addr=160 width=2 count=3                   ; conv
     63  mvm    mask=0x1                                            ; conv
     64  load   dest=r516 addr=96 width=4 count=1                   ; conv
     65  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
     66  alu    op=relu dest=r512 src=r512 len=4                    ; conv
     67  store  addr=24 src=r512 consumers=1 width=4 count=1        ; conv
     68  store  addr=64 src=r512 consumers=1 width=4 count=1        ; conv
     69  load   dest=r0 addr=146 width=2 count=2                    ; conv
     70  load   dest=r6 addr=154 width=2 count=2                    ; conv
     71  load   dest=r12 addr=162 width=2 count=2                   ; conv
     72  set    dest=r4 value=0 len=2                               ; conv
     73  set    dest=r10 value=0 len=2                              ; conv
     74  set    dest=r16 value=0 len=2                              ; conv
     75  mvm    mask=0x1                                            ; conv
     76  load   dest=r516 addr=100 width=4 count=1                  ; conv
     77  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
     78  alu    op=relu dest=r512 src=r512 len=4                    ; conv
     79  store  addr=28 src=r512 consumers=1 width=4 count=1        ; conv
     80  store  addr=68 src=r512 consumers=1 width=4 count=1        ; conv
     81  load   dest=r2 addr=150 width=2 count=2                    ; conv
     82  load   dest=r8 addr=158 width=2 count=2                    ; conv
     83  load   dest=r14 addr=166 width=2 count=2                   ; conv
     84  set    dest=r0 value=0 len=2                               ; conv
     85  set    dest=r6 value=0 len=2                               ; conv
     86  set    dest=r12 value=0 len=2                              ; conv
     87  mvm    mask=0x1                                            ; conv
     88  load   dest=r516 addr=104 width=4 count=1                  ; conv
     89  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
     90  alu    op=relu dest=r512 src=r512 len=4                    ; conv
     91  store  addr=32 src=r512 consumers=1 width=4 count=1        ; conv
     92  store  addr=64 src=r512 consumers=1 width=4 count=1        ; conv
     93  load   dest=r0 addr=150 width=2 count=3                    ; conv
     94  load   dest=r6 addr=158 width=2 count=3                    ; conv
     95  load   dest=r12 addr=166 width=2 count=3                   ; conv
     96  mvm    mask=0x1                                            ; conv
     97  load   dest=r516 addr=108 width=4 count=1                  ; conv
     98  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
     99  alu    op=relu dest=r512 src=r512 len=4                    ; conv
    100  store  addr=36 src=r512 consumers=1 width=4 count=1        ; conv
    101  store  addr=68 src=r512 consumers=1 width=4 count=1        ; conv
    102  load   dest=r0 addr=152 width=2 count=3                    ; conv
    103  load   dest=r6 addr=160 width=2 count=3                    ; conv
    104  load   dest=r12 addr=168 width=2 count=3                   ; conv
    105  mvm    mask=0x1                                            ; conv
    106  load   dest=r516 addr=112 width=4 count=1                  ; conv
    107  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
    108  alu    op=relu dest=r512 src=r512 len=4                    ; conv
    109  store  addr=40 src=r512 consumers=1 width=4 count=1        ; conv
    110  store  addr=64 src=r512 consumers=1 width=4 count=1        ; conv
    111  load   dest=r0 addr=154 width=2 count=2                    ; conv
    112  load   dest=r6 addr=162 width=2 count=2                    ; conv
    113  load   dest=r12 addr=170 width=2 count=2                   ; conv
    114  set    dest=r4 value=0 len=2                               ; conv
    115  set    dest=r10 value=0 len=2                              ; conv
    116  set    dest=r16 value=0 len=2                              ; conv
    117  mvm    mask=0x1                                            ; conv
    118  load   dest=r516 addr=116 width=4 count=1                  ; conv
    119  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
    120  alu    op=relu dest=r512 src=r512 len=4                    ; conv
    121  store  addr=44 src=r512 consumers=1 width=4 count=1        ; conv
    122  store  addr=68 src=r512 consumers=1 width=4 count=1        ; conv
    123  load   dest=r2 addr=158 width=2 count=2                    ; conv
    124  load   dest=r8 addr=166 width=2 count=2                    ; conv
    125  set    dest=r0 value=0 len=2                               ; conv
    126  set    dest=r6 value=0 len=2                               ; conv
    127  set    dest=r12 value=0 len=6                              ; conv
    128  mvm    mask=0x1                                            ; conv
    129  load   dest=r516 addr=120 width=4 count=1                  ; conv
    130  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
    131  alu    op=relu dest=r512 src=r512 len=4                    ; conv
    132  store  addr=48 src=r512 consumers=1 width=4 count=1        ; conv
    133  store  addr=64 src=r512 consumers=1 width=4 count=1        ; conv
    134  load   dest=r0 addr=158 width=2 count=3                    ; conv
    135  load   dest=r6 addr=166 width=2 count=3                    ; conv
    136  set    dest=r12 value=0 len=6                              ; conv
    137  mvm    mask=0x1                                            ; conv
    138  load   dest=r516 addr=124 width=4 count=1                  ; conv
    139  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
    140  alu    op=relu dest=r512 src=r512 len=4                    ; conv
    141  store  addr=52 src=r512 consumers=1 width=4 count=1        ; conv
    142  store  addr=68 src=r512 consumers=1 width=4 count=1        ; conv
    143  load   dest=r0 addr=160 width=2 count=3                    ; conv
    144  load   dest=r6 addr=168 width=2 count=3                    ; conv
    145  set    dest=r12 value=0 len=6                              ; conv
    146  mvm    mask=0x1                                            ; conv
    147  load   dest=r516 addr=128 width=4 count=1                  ; conv
    148  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
    149  alu    op=relu dest=r512 src=r512 len=4                    ; conv
    150  store  addr=56 src=r512 consumers=1 width=4 count=1        ; conv
    151  store  addr=64 src=r512 consumers=1 width=4 count=1        ; conv
    152  load   dest=r0 addr=162 width=2 count=2                    ; conv
    153  load   dest=r6 addr=170 width=2 count=2                    ; conv
    154  set    dest=r4 value=0 len=2                               ; conv
    155  set    dest=r10 value=0 len=8                              ; conv
    156  mvm    mask=0x1                                            ; conv
    157  load   dest=r516 addr=132 width=4 count=1                  ; conv
    158  alu    op=add dest=r512 src1=r256 src2=r516 len=4          ; conv
    159  alu    op=relu dest=r512 src=r512 len=4                    ; conv
    160  store  addr=60 src=r512 consumers=1 width=4 count=1        ; conv
    161  store  addr=68 src=r512 consumers=1 width=4 count=1        ; conv
    162  halt
