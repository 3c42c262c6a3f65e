import os, sys, re, csv, collections
sec=sys.argv[1]
txt=open(os.path.join(os.environ.get('BM','/tmp/bm'),'A_81_6_Sect.%s.txt'%sec)).read().split('\n')
reg=[]; on=False
for l in txt:
    s=l.strip()
    if s=='Legislative mandates': on=True; continue
    if on and s=='Deliverables': on=False; continue
    if on: reg.append(l)
NUM=r'(?:S-\d+/\d+|OS/\d+/\d+|\d{1,4}/\d{1,4}[A-Z]?|\d{3,4} (?:[A-Z] )?\([IVXLC]+\)|\d{4} \(\d{4}\)|WT/MIN\(\d+\)/[A-Z0-9/]+)'
pdf=collections.Counter()
for l in reg:
    # numbers printed at the start of a column: line start or after 2+ spaces, possibly in a "; " chain
    for m in re.finditer(r'(?:^|\s{2,})((?:'+NUM+r';\s*)*'+NUM+r';?)(?=\s|$)', l):
        for n in re.findall(NUM, m.group(1)): pdf[n]+=1
tsv=collections.Counter()
for r in list(csv.reader(open(sys.argv[2]), delimiter='\t'))[1:]:
    if r[2]:
        n=re.sub(r',\s*sect\..*$','',r[2]); n=re.sub(r' ([A-Z])$',r'',n)
        tsv[re.findall(NUM,n)[0] if re.findall(NUM,n) else n]+=1
print('Sect.%s: numbers at column starts in PDF=%d, in TSV=%d; only PDF=%s; only TSV=%s'%(sec,sum(pdf.values()),sum(tsv.values()),dict(pdf-tsv),dict(tsv-pdf)))
