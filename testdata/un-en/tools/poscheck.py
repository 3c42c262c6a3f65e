import os, sys, re, csv
sec=sys.argv[1]
txt=open(os.path.join(os.environ.get('BM','/tmp/bm'),'A_81_6_Sect.%s.txt'%sec)).read().split('\n')
reg=[]; on=False
for i,l in enumerate(txt):
    s=l.strip()
    if s=='Legislative mandates': on=True; continue
    if on and s=='Deliverables': on=False; continue
    if on: reg.append(re.sub('[\u200b\u200c\u200d\u00ad]','',l))
# subprogramme heading positions in the region
sphead={}
for i,l in enumerate(reg):
    m=re.match(r'^\s*Subprogramme (\d+)\s*$', l)
    if m: sphead[m.group(1)]=i
rows=list(csv.reader(open(sys.argv[2]), delimiter='\t'))[1:]
# group consecutive rows with the same title into printed lines
printed=[]
for r in rows:
    if printed and printed[-1][0][:2]==r[:2] and printed[-1][0][4]==r[4] and r[2]:
        printed[-1][1].append(r[2])
    else: printed.append((r,[r[2]]))
fails=[]; lastpos=-1; order_bad=0; sp_bad=0
for r,nums in printed:
    sp,g,n,sym,t=r[:5]
    key=nums[-1]  # the last number sits next to the title
    first=' '.join(re.findall(r'\S+',t)[:1])
    if not key:   # conventions: the text itself
        pat=re.escape(' '.join(t.split()[:3]))
    elif t:
        pat=r'(?:^|\s)'+re.escape(key)+r';?\s+'+re.escape(first)
    else:
        pat=r'(?:^|\s)'+re.escape(key)+r'(?:\s|$)'
    pos=[i for i,l in enumerate(reg) if re.search(pat,l)]
    # a title that starts on the next line after its number
    if not pos and key:
        pos=[i for i,l in enumerate(reg) if re.search(r'(?:^|\s)'+re.escape(key)+r'(?:;|\s*$|\s{2,})',l)]
    if not pos:
        fails.append((sp,g,nums,t[:50])); continue
    if sp!='programme' and sp in sphead:
        nxt=[v for k,v in sphead.items() if v>sphead[sp]]
        lo,hi=sphead[sp],(min(nxt) if nxt else 10**9)
    elif sp=='programme' and sphead:
        lo,hi=-1,min(sphead.values())
    else:
        lo,hi=-1,10**9
    if not any(lo<p<hi for p in pos): sp_bad+=1; fails.append(('SP?',sp,nums,t[:40],pos))
print('Sect.%s: printed lines=%d located=%d not located=%d subprogramme mismatches=%d'%(sec,len(printed),len(printed)-len(fails),len(fails),sp_bad))
for f in fails[:12]: print('   ',f)
