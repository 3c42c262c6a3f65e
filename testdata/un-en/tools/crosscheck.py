import os, sys, re, collections, csv
sec=sys.argv[1]
txt=open(os.path.join(os.environ.get('BM','/tmp/bm'),'A_81_6_Sect.%s.txt'%sec)).read().split('\n')
# regions: from a 'Legislative mandates' heading line to the next 'Deliverables' heading line
reg=[]; on=False
for l in txt:
    s=l.strip()
    if s=='Legislative mandates': on=True; continue
    if on and s=='Deliverables': on=False; continue
    if on: reg.append(l)
def words(s):
    s=re.sub('[\u200b\u200c\u200d\u00ad]','',s)
    return re.findall(r"[\w’'()./-]+|;", s)
def toks(s):
    out=[]
    for w in re.findall(r"\w+", re.sub('[\u200b\u200c\u200d\u00ad]','',s)):
        out.append(w)
    return out
pdf=collections.Counter()
for l in reg: pdf.update(toks(l))
tsv=collections.Counter()
rows=list(csv.reader(open(sys.argv[2]), delimiter='\t'))[1:]
groups=set(); seen_num=set()
prev=None
for sp,g,n,sym,t,link,src in rows:
    groups.add((sp,g))
    if (sp,g,t)!=prev: tsv.update(toks(t))
    prev=(sp,g,t)
    # numbers: a line "50/152; 53/125; 80/187" counted once per number
    tsv.update(toks(n))
for sp,g in groups: tsv.update(toks(g))
missing=tsv-pdf
extra=pdf-tsv
print('Sect.%s: region lines=%d, tsv rows=%d, tsv tokens=%d, pdf tokens=%d' % (sec,len(reg),len(rows),sum(tsv.values()),sum(pdf.values())))
print('  tsv tokens not in pdf region (%d):'%sum(missing.values()), dict(missing.most_common(25)))
print('  pdf tokens not in tsv (%d):'%sum(extra.values()), ' '.join(w for w,_ in extra.most_common(60)))
