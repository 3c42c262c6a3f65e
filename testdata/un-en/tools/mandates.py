import sys, re, urllib.parse, os
sys.path.insert(0, os.path.dirname(__file__))
from docxdump import load, walk
def symbol_of(url):
    u=urllib.parse.urlparse(url)
    path=urllib.parse.unquote(u.path).lstrip('/')
    parts=path.split('/')
    if parts and parts[0].lower() in ('en','zh','fr','es','ru','ar','ch'): parts=parts[1:]
    s='/'.join(parts)
    if u.query: s+='?'+u.query
    return s
def norm(t): return re.sub(r'\s+',' ',re.sub('[\u200b\u200c\u200d\u00ad]','',t).replace('\t',' ')).strip()
def extract(d):
    root,rels=load(d)
    items=[]; inmand=False; sp=''; group=''; cur_sp=''
    rows={}
    def flush_row(cells):
        # cells: list of (text, links) in column order; pair number/title
        for i in range(0,len(cells),2):
            num,links=cells[i]
            title=cells[i+1][0] if i+1<len(cells) else ''
            num=norm(num); title=norm(title)
            if not num and not title: continue
            if group.startswith('Conventions') or (not re.match(r'^[\dS]',num) and title=='' ):
                # one-column list of instruments: the text is the title
                items.append((sp or 'programme', group, '', '', num if num else title)); continue
            nums=[n.strip() for n in num.split(';') if n.strip()]
            for n in nums:
                sym=''
                for lt,tgt in links:
                    lt=norm(lt)
                    if lt and (lt==n or n.startswith(lt+',') or n.startswith(lt+' ')): sym=symbol_of(tgt); break
                items.append((sp or 'programme', group, n, sym, title))
    for k,s,t,l in walk(root,rels):
        tt=norm(t)
        if k=='p':
            if s in ('H1','HCh') and tt=='Legislative mandates':
                inmand=True; sp=cur_sp; group=''; continue
            if s in ('H1','HCh') and inmand:
                inmand=False
            m=re.match(r'^Subprogramme (\d+)$',tt)
            if m and s in ('H1',):
                cur_sp=m.group(1)
            if s=='HCh' and tt=='Overall orientation': cur_sp=''
            if not inmand: continue
            if m and s=='H23': sp=m.group(1); continue
            if s=='H4' and tt: group=tt; continue
            if tt: print('# para in mandates:', s, repr(tt[:90]), file=sys.stderr)
        elif inmand and k.startswith('c'):
            r,c=map(int,k[1:].split('.'))
            rows.setdefault(r,{}).setdefault(c,['',[]])
            cell=rows[r][c]
            cell[0]=(cell[0]+' '+t) if cell[0] else t; cell[1].extend(l)
        elif k=='endtbl':
            if inmand:
                for r in sorted(rows):
                    flush_row([tuple(rows[r][c]) for c in sorted(rows[r])])
            rows={}
    return items
if __name__=='__main__':
    for it in extract(sys.argv[1]):
        print('\t'.join(it))
