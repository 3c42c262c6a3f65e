import os, sys, re, xml.etree.ElementTree as ET
W='{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
R='{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
def load(d):
    rels={}
    rt=ET.parse(d+'/word/_rels/document.xml.rels').getroot()
    for r in rt: rels[r.get('Id')]=r.get('Target')
    root=ET.parse(d+'/word/document.xml').getroot()
    return root, rels
def ptext(p, rels):
    """text of a paragraph, and list of (linktext, target)"""
    out=[]; links=[]
    for el in p:
        if el.tag==W+'r':
            out.append(rtext(el))
        elif el.tag==W+'hyperlink':
            t=''.join(rtext(r) for r in el.iter(W+'r'))
            tgt=rels.get(el.get(R+'id'), '#'+(el.get(W+'anchor') or ''))
            out.append(t); links.append((t,tgt))
        elif el.tag in (W+'ins', W+'smartTag', W+'sdt', W+'fldSimple'):
            for r in el.iter(W+'r'): out.append(rtext(r))
    return ''.join(out), links
def rtext(r):
    s=[]
    for c in r:
        if c.tag==W+'t': s.append(c.text or '')
        elif c.tag==W+'tab': s.append('\t')
        elif c.tag in (W+'br', W+'cr'): s.append(' ')
        elif c.tag==W+'noBreakHyphen': s.append('-')
    return ''.join(s)
def style(p):
    ps=p.find(W+'pPr/'+W+'pStyle')
    return ps.get(W+'val') if ps is not None else ''
def walk(root, rels):
    body=root.find(W+'body')
    for el in body:
        if el.tag==W+'p':
            t,l=ptext(el,rels); yield ('p',style(el),t,l)
        elif el.tag==W+'tbl':
            for ri,tr in enumerate(el.findall(W+'tr')):
                for ci,tc in enumerate(tr.findall(W+'tc')):
                    for p in tc.findall(W+'p'):
                        t,l=ptext(p,rels); yield ('c%d.%d'%(ri,ci),style(p),t,l)
            yield ('endtbl','','',[])
if __name__=='__main__':
    root,rels=load(sys.argv[1])
    for k,s,t,l in walk(root,rels):
        print(k, s, repr(t), l if l else '')
