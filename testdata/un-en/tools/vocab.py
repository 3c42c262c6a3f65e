# Writes normalize/segment/vocab-draft/{en,zh}-budget-2020.json. The English
# terms are checked against pdftotext -layout of the six A/81/6 sections: the
# "seen" comment lists the sections where a line (trimmed, spaces collapsed)
# equals the term, or starts with it for patterns; a term seen nowhere stops
# the script. The Chinese terms are unverified (see the status field).
import os, re, json, sys
BM=os.environ.get('BM','/tmp/bm'); OUT=sys.argv[1]
SECS=['6','10','13','24','25','29C']
lines={s:[re.sub(r'\s+',' ',l).strip() for l in open(os.path.join(BM,'A_81_6_Sect.%s.txt'%s))] for s in SECS}
def seen(en, prefix=False, regex=None):
    out=[]
    for s in SECS:
        n=0
        for l in lines[s]:
            l=re.sub(r'\*+$','',l)
            if regex: n+=bool(re.match(regex,l))
            elif prefix: n+=l.startswith(en)
            else: n+=(l==en)
        if n: out.append('Sect.%s (%d)'%(s,n))
    if not out: sys.exit('never printed: %r'%(en or regex))
    return 'seen in A/81/6 (pdftotext -layout): '+', '.join(out)
SPEC='unverified: from the Chinese table of shared/spec/budget-2020-format.md'
MINE='unverified: not in the spec table; the usual UN Chinese term as I know it, to be checked on a real Chinese edition'
# slug, English as printed, Chinese, status, kind
H=[
 ('plan-and-performance','A. Proposed programme plan for 2027 and programme performance in 2025','A. 2027年拟议方案计划和2025年方案执行情况',SPEC,'section'),
 ('overall-orientation','Overall orientation','总体方向',SPEC,'heading'),
 ('mandates-background','Mandates and background','任务和背景',SPEC,'heading'),
 ('strategy-external-factors','Strategy and external factors for 2027','2027年战略和外部因素',SPEC,'heading'),
 ('un80-adjustments','Adjustments arising from the UN80 Initiative','联合国80倡议引起的调整',MINE,'heading'),
 ('evaluation','Evaluation activities','评价活动',SPEC,'heading'),
 ('programme-of-work','Programme of work','工作方案',SPEC,'heading'),
 ('objective','Objective','目标',SPEC,'objective'),
 ('strategy','Strategy','战略',SPEC,'heading'),
 ('performance','Programme performance in 2025','2025年方案执行情况',SPEC,'heading'),
 ('performance-target','Programme performance in 2025 and target for 2027','2025年方案执行情况和2027年目标',SPEC,'heading'),
 ('plan','Proposed programme plan for 2027','2027年拟议方案计划',MINE,'heading'),
 ('lessons-learned','Lessons learned and planned change','吸取的经验教训和计划的变动',MINE,'heading'),
 ('planned-results','Planned results for 2027','2027年计划成果',MINE,'heading'),
 ('mandates','Legislative mandates','立法授权',SPEC,'mandates'),
 ('deliverables','Deliverables','交付品',SPEC,'deliverables'),
 ('contents','Contents','目录',MINE,'contents'),
]
VARIANTS={'planned-results':['Planned result for 2027']}
G=[
 ('ga-resolutions','General Assembly resolutions','大会决议',SPEC,'General Assembly','A/RES/'),
 ('ecosoc-resolutions','Economic and Social Council resolutions','经济及社会理事会决议',SPEC,'Economic and Social Council','E/RES/'),
 ('sc-resolutions','Security Council resolutions','安全理事会决议',SPEC,'Security Council','S/RES/'),
 ('hrc-resolutions','Human Rights Council resolutions','人权理事会决议',MINE,'Human Rights Council','A/HRC/RES/'),
 ('hrc-decisions','Human Rights Council decisions','人权理事会决定',MINE,'Human Rights Council','A/HRC/DEC/'),
 ('hrc-president-statements','President’s statements agreed upon by the Human Rights Council','人权理事会议定的主席声明',MINE,'Human Rights Council','A/HRC/PRST/'),
 ('chr-resolutions','Commission on Human Rights resolutions','人权委员会决议',MINE,'Commission on Human Rights',None),
 ('wto-ministerial','World Trade Organization ministerial declarations, decisions and other ministerial outcome documents','世界贸易组织部长级宣言、决定和其他部长级成果文件',MINE,'World Trade Organization',None),
 ('conventions','Conventions and conference declarations','公约和会议宣言',MINE,None,None),
]
CAT=[
 ('A','Facilitation of the intergovernmental process and expert bodies','便利政府间进程和专家机构',SPEC),
 ('B','Generation and transfer of knowledge','生成和转让知识',SPEC),
 ('C','Substantive deliverables','实务交付品',SPEC),
 ('D','Communication deliverables','宣传交付品',SPEC),
 ('E','Enabling deliverables','赋能交付品',MINE),
]
SUB=[
 ('parliamentary-documentation','Parliamentary documentation (number of documents)','会议文件（文件数）'),
 ('substantive-services','Substantive services for meetings (number of three-hour meetings)','会议实务服务（三小时会议次数）'),
 ('conference-secretariat-services','Conference and secretariat services for meetings (number of three-hour meetings)','会议的会议和秘书处服务（三小时会议次数）'),
 ('documentation-services','Documentation services for meetings (thousands of words)','会议文件服务（千字数）'),
 ('field-projects','Field and technical cooperation projects (number of projects)','实地和技术合作项目（项目数）'),
 ('training','Seminars, workshops and training events (number of days)','研讨会、讲习班和培训活动（天数）'),
 ('publications','Publications (number of publications)','出版物（出版物数）'),
 ('technical-materials','Technical materials (number of materials)','技术材料（材料数）'),
 ('fact-finding-missions','Fact-finding, monitoring and investigation missions (number of missions)','实况调查、监测和调查任务（任务数）'),
 ('humanitarian-missions','Humanitarian assistance missions (number of missions)','人道主义援助任务（任务数）'),
]
TEXTROWS=[
 ('consultation','Consultation, advice and advocacy:','协商、咨询和倡导：'),
 ('databases','Databases and substantive digital materials:','数据库和实质性数字材料：'),
 ('good-offices','Good offices:','斡旋：'),
 ('direct-service','Direct service delivery:','直接提供服务：'),
 ('outreach','Outreach programmes, special events and information materials:','外联方案、特别活动和信息材料：'),
 ('media-relations','External and media relations:','对外关系和媒体关系：'),
 ('digital-platforms','Digital platforms and multimedia content:','数字平台和多媒体内容：'),
 ('library','Library services:','图书馆服务：'),
 ('ict','Information and communications technology:','信息和通信技术：'),
 ('meetings-of','Meetings of:','下列机构的会议：'),
 ('reports-to','Reports to:','提交下列机构的报告：'),
]
COLS=[('2025-planned','2025 planned','2025年计划'),('2025-actual','2025 actual','2025年实际'),('2026-planned','2026 planned','2026年计划'),('2027-planned','2027 planned','2027年计划')]
PAT_EN={
 'part':r'^Part ([IVXL]+)$','section':r'^Section (\d{1,2}[A-Z]?)$','programme':r'^Programme (\d{1,2})$',
 'subprogramme':r'^Subprogramme (\d{1,2})(?: \(([a-z])\))?(?:[.:]? ?(.*))?$',
 'result':r'^Result (\d{1,2}):\s*(.+)$',
 'paragraph':r'^(\d{1,2}[A-Z]?\.\d{1,3})\s+(\S.*)$',
 'table_caption':r'^Table (\d{1,2}[A-Z]?)\.(\d{1,3})$','figure_caption':r'^Figure (\d{1,2}[A-Z]?)\.([IVXL]+)$',
 'performance_measure':r'^Performance measures?(?::\s*(.*))?$',
 'deliverables_caption':r'^(?:Subprogramme (\d{1,2})(?: \(([a-z])\))?: |Cross-cutting )?[Dd]eliverables for (?:the period )?(\d{4})(?:–(\d{4}))?, by category and subcategory$',
 'deliverables_header_first':'Category and subcategory',
 'objective_lead_in':['The objective, to which this subprogramme contributes, is to','The objective, to which this programme contributes, is to','The objective, to which ITC contributes, is to'],
 'expected_result_lead_in':'The above-mentioned work is expected to result in:',
 'mandate_item':r'^((?:\d{1,4}/\d{1,4}(?: ?[A-Z])?(?:, sect\. [IVX]+)?|\d{1,4}(?: [A-Z])? \([IVXLC]+\)|\d{1,4} \(\d{4}\)|S-\d{1,2}/\d{1,3}|OS/\d{1,2}/\d{1,2})(?:; ?)?)+\s+(\S.*)$',
}
PAT_ZH={
 'part':r'^第([一二三四五六七八九十]+)编$','section':r'^第(\d{1,2}[A-Z]?)款$','programme':r'^方案(\d{1,2})$',
 'subprogramme':r'^次级方案(\d{1,2})(?:\(([a-z])\))?(?:[.：:]?\s*(.*))?$',
 'result':r'^成果(\d{1,2})[：:]\s*(.+)$',
 'paragraph':r'^(\d{1,2}[A-Z]?\.\d{1,3})\s*(\S.*)$',
 'table_caption':r'^表(\d{1,2}[A-Z]?)\.(\d{1,3})$','figure_caption':r'^图(\d{1,2}[A-Z]?)\.([一二三四五六七八九十]+|[IVXL]+)$',
 'performance_measure':r'^业绩计量(?:[：:]\s*(.*))?$',
 'deliverables_caption':r'^(?:次级方案(\d{1,2})(?:\(([a-z])\))?[：:]\s*|贯穿各领域的)?(?:(\d{4})[-–](\d{4})年期间|(\d{4})年)(?:按类别和次级类别分列的)?交付品$',
 'deliverables_header_first':'类别和次级类别',
 'objective_lead_in':['本次级方案协助实现的目标是','本方案协助实现的目标是','国贸中心协助实现的目标是'],
 'expected_result_lead_in':'上述工作预计将带来：',
 'mandate_item':r'^((?:\d{1,4}/\d{1,4}(?: ?[A-Z])?|\d{1,4}(?: [A-Z])? ?\([IVXLC]+\)|\d{1,4} ?\(\d{4}\)|S-\d{1,2}/\d{1,3})(?:[;；] ?)?)+\s+(\S.*)$',
}
def build(lang):
    zh=(lang=='zh')
    d={'name':'%s-budget-2020'%lang,'language':lang,
       'format':'programme budget section, format of the proposed programme budget for 2020 (A/74/6) onward: objectives, results, performance measures, deliverables, legislative mandates',
       'comment':('Chinese terms are unverified: none of the corpus is a Chinese edition of this format. Slugs equal the English file\'s, so both editions get the same ids.' if zh else
                  'Every term was printed in at least one of the six A/81/6 sections; "comment" says where (count of lines). Slugs equal the Chinese file\'s.'),
       'patterns':PAT_ZH if zh else PAT_EN,
       'title_block':{'budget_title':('^(\\d{4})年拟议方案预算$' if zh else '^Proposed programme budget for (\\d{4})$')},
       'headings':[],'mandate_groups':[],'deliverable_categories':[],'deliverable_subcategories':[],'deliverable_text_rows':[],'deliverable_columns':[]}
    for slug,en,z,st,kind in H:
        e={'slug':slug,'title':z if zh else en,'kind':kind}
        if zh: e['status']=st; e['english']=en
        else:
            e['comment']=seen(en, prefix=en.startswith('A. '))
            if slug in VARIANTS:
                e['variants']=VARIANTS[slug]
                e['comment']+='; variant '+'; '.join(v+': '+seen(v) for v in VARIANTS[slug])
        d['headings'].append(e)
    for slug,en,z,st,organ,pre in G:
        e={'slug':slug,'title':z if zh else en,'organ':organ,'symbol_prefix':pre}
        if zh: e['status']=st; e['english']=en
        else: e['comment']=seen(en)
        d['mandate_groups'].append(e)
    for lab,en,z,st in CAT:
        e={'slug':'cat'+lab,'label':lab,'title':z if zh else en}
        if zh: e['status']=st; e['english']=en
        else: e['comment']=seen(lab+'. '+en)
        d['deliverable_categories'].append(e)
    for slug,en,z in SUB:
        e={'slug':slug,'title':z if zh else en}
        if zh: e['status']=MINE; e['english']=en
        else: e['comment']=seen(en, prefix=True)
        d['deliverable_subcategories'].append(e)
    for slug,en,z in TEXTROWS:
        e={'slug':slug,'title':z if zh else en}
        if zh: e['status']=MINE; e['english']=en
        else: e['comment']=seen(en, prefix=True)
        d['deliverable_text_rows'].append(e)
    for slug,en,z in COLS:
        e={'slug':slug,'title':z if zh else en}
        if zh: e['status']=SPEC+' (计划 / 实际)'; e['english']=en
        else: e['comment']='printed over two lines ("2025" above "planned"), seen in every deliverables table of the six sections'
        d['deliverable_columns'].append(e)
    if not zh:
        for k,v in PAT_EN.items():
            if k in ('result','table_caption','figure_caption','performance_measure','deliverables_caption','paragraph','subprogramme','part','section','programme'):
                pass
        d['patterns_comment']={k:seen(None, regex=PAT_EN[k].replace('^','^',1)) for k in ('part','section','programme','subprogramme','result','paragraph','table_caption','figure_caption','performance_measure','deliverables_caption')}
        d['patterns_comment']['objective_lead_in']=seen(None, regex='.*The objective, to which (this subprogramme|this programme|ITC) contributes, is to')
        d['patterns_comment']['expected_result_lead_in']=seen(None, regex='.*The above-mentioned work is expected to result in:')
    return d
for lang in ('en','zh'):
    with open(os.path.join(OUT,'%s-budget-2020.json'%lang),'w') as f:
        json.dump(build(lang),f,ensure_ascii=False,indent=2); f.write('\n')

en=json.load(open(os.path.join(OUT,'en-budget-2020.json'))); zh=json.load(open(os.path.join(OUT,'zh-budget-2020.json')))
for k in en:
    if isinstance(en[k],list):
        assert [e['slug'] for e in en[k]]==[e['slug'] for e in zh[k]], k
        for d in (en,zh):
            titles=[e['title'] for e in d[k]]
            assert len(titles)==len(set(titles)), (k, d['language'])
