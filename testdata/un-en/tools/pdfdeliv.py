import os, sys,re
V=r'((?:(?:[0-9]{1,3}(?: [0-9]{3})+|[0-9][0-9,]*)[a-z]?|–)(?: \[[0-9, –]+\])?(?: [a-z])?)'
row=re.compile(r'(?:\S\s{2,}|^\s*)'+V+r'\s+'+V+r'\s+'+V+r'\s+'+V+r'\s*$')
for sec in sys.argv[1:]:
    on=False; n=0; t=0
    for l in open(os.path.join(os.environ.get('BM','/tmp/bm'),'A_81_6_Sect.%s.txt'%sec)):
        if re.search(r'^\s*(Subprogramme [^:]+: )?[Dd]eliverables for (the period|\d{4})',l): on=True; t+=1; continue
        if on and not re.search(r"continued",l) and re.search(r"^\s*(Table|Figure) \d|^\s*Subprogramme \d+\s*$|^\s*(Evaluation activities|Programme of work|Annex|Legislative mandates|Overall orientation|Subprogramme \d)|^\s*[IVX]+\.\s|^\s*\d+[A-Z]?\.\d+\s",l): on=False
        if on and row.search(l) and not re.search(r'^\s*2025\s+2025',l): n+=1
    print(sec,'captions',t,'rows with 4 values',n)
