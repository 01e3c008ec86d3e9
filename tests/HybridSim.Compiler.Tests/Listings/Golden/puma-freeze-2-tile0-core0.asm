; tile 0 (analog) core 0: 115 instructions
      0  load   dest=r8 addr=67 width=2 count=2                     ; conv
      1  load   dest=r14 addr=75 width=2 count=2                    ; conv
      2  set    dest=r0 value=0 len=8                               ; conv
      3  set    dest=r12 value=0 len=2                              ; conv
      4  mvm    mask=0x1                                            ; conv
      5  alu    op=relu dest=r512 src=r256 len=4                    ; conv
      6  store  addr=0 src=r512 consumers=1 width=4 count=1         ; conv
      7  load   dest=r6 addr=67 width=2 count=3                     ; conv
      8  load   dest=r12 addr=75 width=2 count=3                    ; conv
      9  set    dest=r0 value=0 len=6                               ; conv
     10  mvm    mask=0x1                                            ; conv
     11  alu    op=relu dest=r512 src=r256 len=4                    ; conv
     12  store  addr=4 src=r512 consumers=1 width=4 count=1         ; conv
     13  load   dest=r6 addr=69 width=2 count=3                     ; conv
     14  load   dest=r12 addr=77 width=2 count=3                    ; conv
     15  set    dest=r0 value=0 len=6                               ; conv
     16  mvm    mask=0x1                                            ; conv
     17  alu    op=relu dest=r512 src=r256 len=4                    ; conv
     18  store  addr=8 src=r512 consumers=1 width=4 count=1         ; conv
     19  load   dest=r6 addr=71 width=2 count=2                     ; conv
     20  load   dest=r12 addr=79 width=2 count=2                    ; conv
     21  set    dest=r0 value=0 len=6                               ; conv
     22  set    dest=r10 value=0 len=2                              ; conv
     23  set    dest=r16 value=0 len=2                              ; conv
     24  mvm    mask=0x1                                            ; conv
     25  alu    op=relu dest=r512 src=r256 len=4                    ; conv
     26  store  addr=12 src=r512 consumers=1 width=4 count=1        ; conv
     27  load   dest=r2 addr=67 width=2 count=2                     ; conv
     28  load   dest=r8 addr=75 width=2 count=2                     ; conv
     29  load   dest=r14 addr=83 width=2 count=2                    ; conv
     30  set    dest=r0 value=0 len=2                               ; conv
     31  set    dest=r6 value=0 len=2                               ; conv
     32  set    dest=r12 value=0 len=2                              ; conv
     33  mvm    mask=0x1                                            ; conv
     34  alu    op=relu dest=r512 src=r256 len=4                    ; conv
     35  store  addr=16 src=r512 consumers=1 width=4 count=1        ; conv
     36  load   dest=r0 addr=67 width=2 count=3                     ; conv
     37  load   dest=r6 addr=75 width=2 count=3                     ; conv
     38  load   dest=r12 addr=83 width=2 count=3                    ; conv
     39  mvm    mask=0x1                                            ; conv
     40  alu    op=relu dest=r512 src=r256 len=4                    ; conv
     41  store  addr=20 src=r512 consumers=1 width=4 count=1        ; conv
     42  load   dest=r0 addr=69 width=2 count=3                     ; conv
     43  load   dest=r6 addr=77 width=2 count=3                     ; conv
     44  load   dest=r12 addr=85 width=2 count=3                    ; conv
     45  mvm    mask=0x1                                            ; conv
     46  alu    op=relu dest=r512 src=r256 len=4                    ; conv
     47  store  addr=24 src=r512 consumers=1 width=4 count=1        ; conv
     48  load   dest=r0 addr=71 width=2 count=2                     ; conv
     49  load   dest=r6 addr=79 width=2 count=2                     ; conv
     50  load   dest=r12 addr=87 width=2 count=2                    ; conv
     51  set    dest=r4 value=0 len=2                               ; conv
     52  set    dest=r10 value=0 len=2                              ; conv
     53  set    dest=r16 value=0 len=2                              ; conv
     54  mvm    mask=0x1                                            ; conv
     55  alu    op=relu dest=r512 src=r256 len=4                    ; conv
     56  store  addr=28 src=r512 consumers=1 width=4 count=1        ; conv
     57  load   dest=r2 addr=75 width=2 count=2                     ; conv
     58  load   dest=r8 addr=83 width=2 count=2                     ; conv
     59  load   dest=r14 addr=91 width=2 count=2                    ; conv
     60  set    dest=r0 value=0 len=2                               ; conv
     61  set    dest=r6 value=0 len=2                               ; conv
     62  set    dest=r12 value=0 len=2                              ; conv
     63  mvm    mask=0x1                                            ; conv
     64  alu    op=relu dest=r512 src=r256 len=4                    ; conv
     65  store  addr=32 src=r512 consumers=1 width=4 count=1        ; conv
     66  load   dest=r0 addr=75 width=2 count=3                     ; conv
     67  load   dest=r6 addr=83 width=2 count=3                     ; conv
     68  load   dest=r12 addr=91 width=2 count=3                    ; conv
     69  mvm    mask=0x1                                            ; conv
     70  alu    op=relu dest=r512 src=r256 len=4                    ; conv
     71  store  addr=36 src=r512 consumers=1 width=4 count=1        ; conv
     72  load   dest=r0 addr=77 width=2 count=3                     ; conv
     73  load   dest=r6 addr=85 width=2 count=3                     ; conv
     74  load   dest=r12 addr=93 width=2 count=3                    ; conv
     75  mvm    mask=0x1                                            ; conv
     76  alu    op=relu dest=r512 src=r256 len=4                    ; conv
     77  store  addr=40 src=r512 consumers=1 width=4 count=1        ; conv
     78  load   dest=r0 addr=79 width=2 count=2                     ; conv
     79  load   dest=r6 addr=87 width=2 count=2                     ; conv
     80  load   dest=r12 addr=95 width=2 count=2                    ; conv
     81  set    dest=r4 value=0 len=2                               ; conv
     82  set    dest=r10 value=0 len=2                              ; conv
     83  set    dest=r16 value=0 len=2                              ; conv
     84  mvm    mask=0x1                                            ; conv
     85  alu    op=relu dest=r512 src=r256 len=4                    ; conv
     86  store  addr=44 src=r512 consumers=1 width=4 count=1        ; conv
     87  load   dest=r2 addr=83 width=2 count=2                     ; conv
     88  load   dest=r8 addr=91 width=2 count=2                     ; conv
     89  set    dest=r0 value=0 len=2                               ; conv
     90  set    dest=r6 value=0 len=2                               ; conv
     91  set    dest=r12 value=0 len=6                              ; conv
     92  mvm    mask=0x1                                            ; conv
     93  alu    op=relu dest=r512 src=r256 len=4                    ; conv
     94  store  addr=48 src=r512 consumers=1 width=4 count=1        ; conv
     95  load   dest=r0 addr=83 width=2 count=3                     ; conv
     96  load   dest=r6 addr=91 width=2 count=3                     ; conv
     97  set    dest=r12 value=0 len=6                              ; conv
     98  mvm    mask=0x1                                            ; conv
     99  alu    op=relu dest=r512 src=r256 len=4                    ; conv
    100  store  addr=52 src=r512 consumers=1 width=4 count=1        ; conv
    101  load   dest=r0 addr=85 width=2 count=3                     ; conv
    102  load   dest=r6 addr=93 width=2 count=3                     ; conv
    103  set    dest=r12 value=0 len=6                              ; conv
    104  mvm    mask=0x1                                            ; conv
    105  alu    op=relu dest=r512 src=r256 len=4                    ; conv
    106  store  addr=56 src=r512 consumers=1 width=4 count=1        ; conv
    107  load   dest=r0 addr=87 width=2 count=2                     ; conv
    108  load   dest=r6 addr=95 width=2 count=2                     ; conv
    109  set    dest=r4 value=0 len=2                               ; conv
    110  set    dest=r10 value=0 len=8                              ; conv
    111  mvm    mask=0x1                                            ; conv
    112  alu    op=relu dest=r512 src=r256 len=4                    ; conv
    113  store  addr=60 src=r512 consumers=1 width=4 count=1        ; conv
    114  halt
