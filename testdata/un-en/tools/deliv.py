import sys, os, re, collections
sys.path.insert(0, os.path.dirname(__file__))
from docxdump import load, walk
def norm(t): return re.sub(r'\s+',' ',re.sub('[\u200b\u200c\u200d\u00ad]','',t).replace('\t',' ')).strip()
root,rels=load(sys.argv[1])
intable=False; rows={}; tables=0; c=collections.Counter(); capt=False
def flush():
    for r in sorted(rows):
        cells=[norm(rows[r][k]) for k in sorted(rows[r])]
        first=cells[0]; vals=[v for v in cells[1:] if v]
        if r==0 or not any(cells): continue
        if re.match(r'^[A-E]\. ',first) and not vals: c['category']+=1
        elif re.match(r'^\d+\. ',first):
            c['item_with_values' if vals else 'item_text']+=1
        elif vals: c['subcategory_with_values']+=1
        else: c['text_row']+=1
        if vals: c['rows_with_values']+=1
for k,s,t,l in walk(root,rels):
    if k=='p' and re.match(r'^(Subprogramme [^:]+: )?[Dd]eliverables for (the period|\d{4})',norm(t)): capt=True; continue
    if capt and k.startswith('c'):
        r,cc=map(int,k[1:].split('.'))
        rows.setdefault(r,{}).setdefault(cc,'')
        rows[r][cc]+=' '+t
    if capt and k=='endtbl':
        tables+=1; flush(); rows={}; capt=False
c['deliverables_tables']=tables
print(sys.argv[1].split('/')[-1], dict(sorted(c.items())))
