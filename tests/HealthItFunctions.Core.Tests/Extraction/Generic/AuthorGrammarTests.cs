using HealthItFunctions.Core.Extraction.Generic;

namespace HealthItFunctions.Core.Tests.Extraction.Generic;

public sealed class AuthorGrammarTests
{
    [Theory]
    [InlineData("某某报记者 张明", "张明")]
    [InlineData("（记者 王丽）", "王丽")]
    [InlineData("本报记者 李强", "李强")]
    [InlineData("记者赵磊/文", "赵磊")]
    [InlineData("某某新闻记者 刘洋 陈静", "刘洋 陈静")]
    [InlineData("本报记者罗小明发自北京", "罗小明")]
    [InlineData("新华网频道 记者 伊一 李清", "伊一 李清")]
    [InlineData("本报记者 张明 报道", "张明")]
    public void Read_ReporterBylineWithoutColon_Names(string line, string expected)
    {
        Assert.Equal(expected, TestLexicon.Shipped.Authors.Read(line)?.Name);
    }

    [Theory]
    [InlineData("作者：宋一 杨二", "宋一 杨二")]
    [InlineData("文：王丽", "王丽")]
    [InlineData("作者： 赵婕 出自新华网", "赵婕")]
    public void Read_LabelAtLineStart_Names(string line, string expected)
    {
        Assert.Equal(expected, TestLexicon.Shipped.Authors.Read(line)?.Name);
    }

    [Theory]
    [InlineData("编辑：山石")]
    [InlineData("责任编辑：魏一")]
    [InlineData("（ 责编：李四 ）")]
    [InlineData("他告诉记者：“我们已经完成了系统升级。”")]
    [InlineData("记者从市卫生健康委获悉")]
    [InlineData("记者近日走访了多家医院")]
    public void Read_EditorOrQuotationOrNarrative_NoAuthor(string line)
    {
        Assert.Null(TestLexicon.Shipped.Authors.Read(line));
    }

    [Theory]
    [InlineData("……提升基层服务能力。（刘洋）", "刘洋")]
    [InlineData("（陈静 周涛）", "陈静 周涛")]
    [InlineData("（孙伟 上海报道）", "孙伟")]
    [InlineData("吴敏/某某日报", "吴敏")]
    public void Signature_TrailingCredit_Names(string line, string expected)
    {
        Assert.Equal(expected, TestLexicon.Shipped.Authors.Signature(line));
    }

    [Theory]
    [InlineData("（新华社）")]
    [InlineData("（完）")]
    [InlineData("（图）")]
    public void Signature_OutletOrMarker_NoName(string line)
    {
        Assert.Null(TestLexicon.Shipped.Authors.Signature(line));
    }

    [Theory]
    [InlineData("105092", false)]
    [InlineData("alonliu", false)]
    [InlineData("Discuz! Team", false)]
    [InlineData("新华网", false)]
    [InlineData("editor@example.cn", false)]
    [InlineData("张明", true)]
    [InlineData("Joel Spolsky", true)]
    public void IsPlausiblePerson_MetadataValue_RejectsIdsAndVendors(string value, bool expected)
    {
        Assert.Equal(expected, TestLexicon.Shipped.Authors.IsPlausiblePerson(value));
    }

    [Theory]
    [InlineData("来源：某某晚报\u2002编辑：山石", "山石")]
    [InlineData("（ 责任编辑：魏一 ）", "魏一")]
    [InlineData("责任编辑： \n焦二 \n", "焦二")]
    public void Editor_EditorCredit_Names(string line, string expected)
    {
        Assert.Equal(expected, TestLexicon.Shipped.Authors.Editor(line, 0, line.Length));
    }

    [Theory]
    [InlineData("编辑提供的本地文件")]
    [InlineData("主编：某某日报社")]
    public void Editor_NoCreditOrOutlet_Null(string line)
    {
        Assert.Null(TestLexicon.Shipped.Authors.Editor(line, 0, line.Length));
    }

    [Fact]
    public void Read_NameWithLatinOriginal_GlossKept()
    {
        Assert.Equal("周一 (John Smith)", TestLexicon.Shipped.Authors.Read("作者： 周一 (John Smith)")?.Name);
    }

    [Fact]
    public void Signature_RolePrefix_RoleDropped()
    {
        Assert.Equal("罗一 萧二", TestLexicon.Shipped.Authors.Signature("……就在继续努力之中。（评论员 罗一 萧二）"));
    }

    [Theory]
    [InlineData("胡平", true)]
    [InlineData("欧阳明", true)]
    [InlineData("新华社", false)]
    [InlineData("首页", false)]
    [InlineData("国内新闻", false)]
    [InlineData("综合", false)]
    public void IsBareName_ShapeAndSurname_Decides(string value, bool expected)
    {
        Assert.Equal(expected, TestLexicon.Shipped.Authors.IsBareName(value));
    }

    [Theory]
    [InlineData("記者林一／即時報導", "林一")]
    [InlineData("（記者 王二 攝影）", "王二")]
    public void Read_TraditionalReporterByline_Names(string line, string expected)
    {
        Assert.Equal(expected, TestLexicon.Shipped.Authors.Read(line)?.Name);
    }

    [Fact]
    public void Editor_TraditionalEditorCredit_Names()
    {
        const string line = "責任編輯：陳三";

        Assert.Equal("陳三", TestLexicon.Shipped.Authors.Editor(line, 0, line.Length));
    }
}
