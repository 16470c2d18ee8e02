using System.Globalization;
using System.Text;

namespace HealthItFunctions.Cli.Benchmark;

/// <summary>A generated news story: its title and its paragraphs.</summary>
internal sealed record Story(string Topic, string Title, IReadOnlyList<string> Paragraphs)
{
    public string Body => string.Join("\n", Paragraphs);
}

/// <summary>
/// Writes synthetic health-IT stories from sentence templates. Stories on one topic share templates and stock phrases
/// the way real coverage of one kind of event does, and differ in their institutions, people, figures and which
/// sentences they use: the hard negatives a reprint detector must keep apart.
/// </summary>
internal sealed class SyntheticStories(Random random)
{
    private static readonly string[] Hospitals =
    [
        "北京协和医院", "北京朝阳医院", "北京天坛医院", "北京积水潭医院", "北京中医医院", "北京友谊医院", "北京安贞医院", "北京宣武医院",
        "北京儿童医院", "北大人民医院", "北医三院", "北京地坛医院", "北京佑安医院", "北京同仁医院", "首都儿科研究所附属儿童医院", "北京世纪坛医院",
        "北京清华长庚医院", "北京大学第一医院", "北京妇产医院", "北京回龙观医院",
    ];

    private static readonly string[] People = ["王建国", "李明", "张华", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周涛", "吴桐", "孙丽", "马骏", "朱琳", "胡斌", "郭峰"];

    private static readonly string[] Districts = ["东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区", "门头沟区", "房山区", "通州区", "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区"];

    private static readonly string[] Departments = ["心内科", "内分泌科", "呼吸科", "骨科", "儿科", "妇产科", "眼科", "皮肤科", "神经内科", "消化科", "肿瘤科", "放射科"];

    /// <summary>Sentences any health-IT story may use; {H} hospital, {P} person, {D} district, {K} department, {N} a number.</summary>
    private static readonly string[] Common =
    [
        "据{H}相关负责人{P}介绍，这项工作从今年年初开始筹备，经过{N}个月的测试后正式上线。",
        "{P}表示，下一步医院将继续优化服务流程，让患者少跑腿、数据多跑路。",
        "记者在现场看到，不少患者在工作人员的指导下完成了操作，整个过程不到{N}分钟。",
        "业内专家认为，此举对于提升首都医疗服务水平具有示范意义。",
        "截至目前，该服务已累计惠及患者{N}万人次，群众满意度明显提升。",
        "{D}卫生健康委有关负责人表示，将在全区推广这一做法。",
        "医院还专门设置了志愿者岗位，帮助老年人跨越数字鸿沟。",
        "据悉，相关工作得到了北京市卫生健康委的大力支持和具体指导。",
        "{P}说，信息化建设不是一蹴而就的，需要临床和信息部门长期磨合。",
        "在疫情防控常态化背景下，这一举措也有效减少了院内人员聚集。",
    ];

    private static readonly Dictionary<string, string[]> Topics = new()
    {
        ["互联网医院"] =
        [
            "{H}互联网医院近日正式上线，首批开放{K}等{N}个科室的线上复诊服务。",
            "患者通过手机端即可完成预约、问诊、缴费等环节，医生可在线开具电子处方。",
            "{H}{K}主任{P}是首批入驻互联网医院的专家，每周固定安排{N}个时段在线出诊。",
            "互联网医院目前仅面向复诊患者，首诊患者和急危重症患者仍需到院就诊。",
            "药品可以通过物流配送到家，北京市内一般{N}天内送达。",
            "医保患者在线复诊可享受医保实时结算，个人只需支付自付部分。",
            "上线第一个月，{H}互联网医院接诊量已超过{N}人次。",
            "为保障医疗质量，医院对线上诊疗实行与线下一致的质控标准。",
            "{P}介绍，线上复诊特别适合需要长期用药的慢性病患者。",
            "医院还计划将互联网医院与院内电子病历系统深度打通。",
            "患者在线上就诊时需要上传既往病历和检查报告，便于医生判断病情。",
            "{D}的一位患者告诉记者，以前开药要请半天假，现在在家就能办。",
        ],
        ["电子病历"] =
        [
            "{H}近日通过国家电子病历系统应用水平分级评价{N}级评审。",
            "电子病历系统覆盖门诊、住院、医技等全部业务环节，实现了数据的互联互通。",
            "{H}信息中心主任{P}表示，评级是手段，提升医疗质量和安全才是目的。",
            "医生在工作站即可调阅患者近{N}年的检查检验结果和用药记录。",
            "系统嵌入了{N}余条临床决策支持规则，能够自动提示用药禁忌和危急值。",
            "护理记录实现移动化，护士在床旁即可通过平板电脑完成录入。",
            "{K}率先试点结构化病历模板，病历书写时间平均缩短了{N}分钟。",
            "闭环管理覆盖了用药、输血、检验等关键流程，差错率明显下降。",
            "医院还建立了数据质控小组，每月对电子病历数据质量进行抽查。",
            "{P}说，下一步将以电子病历为核心推进智慧医院建设。",
            "病案首页数据质量的提升，也为医院绩效考核打下了基础。",
            "评审专家组对医院在数据利用方面的探索给予了肯定。",
        ],
        ["网络安全"] =
        [
            "北京市卫生健康委信息中心近日组织开展医疗卫生行业网络安全攻防演练，{N}家医疗机构参加。",
            "演练采用红蓝对抗方式，攻击方在{N}天内对参演单位的信息系统发起模拟攻击。",
            "{H}信息中心{P}表示，通过演练发现了弱口令、端口暴露等一批安全隐患。",
            "各单位按照等保三级要求完善了边界防护和日志审计措施。",
            "演练结束后，组织方向各单位反馈了{N}项问题清单并限期整改。",
            "{P}提醒，运维人员切忌为了图方便将管理后台暴露在互联网上。",
            "医疗数据涉及患者隐私，一旦泄露后果严重，必须守住安全底线。",
            "部分医院在演练中启用了蜜罐和流量监测设备，及时发现了攻击行为。",
            "{D}卫生健康委要求辖区医疗机构每季度开展一次网络安全自查。",
            "专家建议医疗机构建立网络安全应急预案，并定期组织实战化演练。",
            "今年的演练首次将互联网医院平台纳入防护范围。",
            "信息中心还为基层医疗机构提供了安全检测和加固服务。",
        ],
        ["5G医疗"] =
        [
            "{H}联合通信运营商建成5G智慧医院示范项目，院内实现5G信号全覆盖。",
            "借助5G网络，{H}专家为{D}社区卫生服务中心患者开展了远程会诊。",
            "5G急救车可将患者心电图、生命体征等数据实时传回医院，院内提前做好准备。",
            "{K}医生{P}通过5G网络远程指导基层医生完成了一台手术。",
            "5G网络的低时延特性让远程超声、远程手术指导成为可能。",
            "项目共部署{N}个5G室内基站，并建设了医疗专网切片。",
            "医院还利用5G推进移动查房和移动护理，医护人员工作效率提升{N}%。",
            "{P}介绍，5G与人工智能、大数据结合，将催生更多医疗应用场景。",
            "目前已有{N}家基层医疗机构接入5G远程医疗平台。",
            "运营商方面表示，将继续为首都医疗机构提供网络保障。",
            "5G技术在疫情期间的远程会诊中也发挥了重要作用。",
            "下一步，双方将在5G智慧病房、院前急救等方面深化合作。",
        ],
        ["人工智能影像"] =
        [
            "{H}放射科引入人工智能辅助诊断系统，肺结节筛查效率大幅提升。",
            "AI系统可在{N}秒内完成一例胸部CT的初筛，并自动标注可疑病灶。",
            "{H}放射科主任{P}表示，AI是医生的助手，不会取代医生的判断。",
            "系统上线以来已辅助阅片{N}万例，敏感度达到{N}%以上。",
            "医院将AI结果与PACS系统集成，医生在原有工作界面即可查看。",
            "放射科医生长期超负荷工作，AI能够帮助他们减轻重复劳动。",
            "{P}认为，AI产品进入临床还面临数据标注、监管审批等挑战。",
            "医院与高校合作建立了医学影像数据库，用于算法的持续训练。",
            "在{K}，AI还被用于眼底照片的糖尿病视网膜病变筛查。",
            "专家提醒，AI辅助诊断的结果最终仍需由执业医师审核签发。",
            "目前，该系统已推广到{D}的{N}家社区卫生服务中心。",
            "医院计划下一步将AI应用扩展到病理和超声领域。",
        ],
    };

    public IReadOnlyList<string> TopicNames => [.. Topics.Keys];

    /// <summary>
    /// A new story on <paramref name="topic"/>: 5-7 of the topic's 12 templates and 3-5 of the 10 common ones, so two
    /// stories on one topic share about 4-5 sentence skeletons (with their own names and figures) out of about 10.
    /// </summary>
    /// <remarks><paramref name="hospital"/> fixes the institution (same-place negatives).</remarks>
    public Story Write(string topic, string? hospital = null)
    {
        var slots = new Slots(hospital ?? Pick(Hospitals), Pick(People), Pick(Districts), Pick(Departments));
        var pool = Topics[topic].Select(t => (Template: t, Own: true)).Concat(Common.Select(t => (Template: t, Own: false))).ToList();
        var own = Shuffle(pool.Where(p => p.Own).ToList()).Take(random.Next(5, 8));
        var common = Shuffle(pool.Where(p => !p.Own).ToList()).Take(random.Next(3, 6));
        var sentences = Shuffle(own.Concat(common).ToList()).Select(p => Fill(p.Template, slots)).ToList();
        var paragraphs = new List<string>();
        for (var i = 0; i < sentences.Count;)
        {
            var take = Math.Min(sentences.Count - i, random.Next(2, 4));
            paragraphs.Add(string.Concat(sentences.Skip(i).Take(take)));
            i += take;
        }

        var title = $"{slots.Hospital}{TitleVerb(topic)}";
        return new Story(topic, title, paragraphs);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public string PickPerson() => Pick(People);

    public string PickHospital() => Pick(Hospitals);

    private string TitleVerb(string topic) => topic switch
    {
        "互联网医院" => Pick(["互联网医院正式上线", "开通线上复诊服务", "互联网医院运行满月"]),
        "电子病历" => Pick(["电子病历评级再上台阶", "通过电子病历高级别评审", "以电子病历推进智慧医院"]),
        "网络安全" => Pick(["参加网络安全攻防演练", "筑牢医疗数据安全防线", "开展网络安全实战演练"]),
        "5G医疗" => Pick(["建成5G智慧医院", "5G远程会诊惠及基层", "携手运营商推进5G医疗"]),
        _ => Pick(["引入AI辅助阅片", "人工智能助力影像诊断", "AI筛查肺结节提速"]),
    };

    private string Fill(string template, Slots slots)
    {
        var text = new StringBuilder(template)
            .Replace("{H}", slots.Hospital).Replace("{P}", slots.Person).Replace("{D}", slots.District).Replace("{K}", slots.Department)
            .ToString();
        while (text.Contains("{N}", StringComparison.Ordinal))
        {
            var index = text.IndexOf("{N}", StringComparison.Ordinal);
            text = string.Concat(text.AsSpan(0, index), random.Next(2, 99).ToString(CultureInfo.InvariantCulture), text.AsSpan(index + 3));
        }

        return text;
    }

    private List<T> Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }

    private sealed record Slots(string Hospital, string Person, string District, string Department);
}
