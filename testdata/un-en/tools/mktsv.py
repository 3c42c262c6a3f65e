import sys, os, re
sys.path.insert(0, os.path.dirname(__file__))
from mandates import extract
PREFIX = {
 'General Assembly resolutions':'A/RES/', 'General Assembly decisions':'A/DEC/',
 'Economic and Social Council resolutions':'E/RES/', 'Economic and Social Council decisions':'E/DEC/',
 'Security Council resolutions':'S/RES/',
 'Human Rights Council resolutions':'A/HRC/RES/', 'Human Rights Council decisions':'A/HRC/DEC/',
 'President’s statements agreed upon by the Human Rights Council':'A/HRC/PRST/',
}
def core(num):
    n=re.sub(r',\s*sect\..*$','',num)
    n=re.sub(r'^(\d+)\s+[A-Z]\s+\(([IVXLC]+)\)$',r'\1(\2)',n)   # 319 A (IV) -> 319(IV)
    return n.replace(' ','')
def decide(group, num, link):
    pre=PREFIX.get(group)
    if group.startswith('World Trade Organization'):
        return num, 'printed'
    if not num or pre is None:
        return link, ('link' if link else '')
    if link and link.upper().startswith(pre.upper()):
        return pre+link[len(pre):].upper(), 'link'  # symbols are upper case: A/RES/59/113a -> A/RES/59/113A
    if link:
        return pre+core(num), 'group; link says '+link
    return pre+core(num), 'group; no link'
sec, d, out = sys.argv[1], sys.argv[2], sys.argv[3]
rows=extract(d)
with open(out,'w') as f:
    f.write('subprogramme\tgroup\tnumber\tsymbol\ttitle\tlink_symbol\tsymbol_from\n')
    for sp,g,n,link,t in rows:
        sym,src=decide(g,n,link)
        f.write('\t'.join([sp,g,n,sym,t,link,src])+'\n')
