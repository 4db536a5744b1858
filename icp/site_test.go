package icp

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp/content"
	"github.com/icpkit/icpkit/province"
)

func TestCheckSiteName(t *testing.T) {
	at := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	rules := func(p province.Province) province.Rules { return province.RulesAt(p, at) }
	unit := NameOptions{Rules: rules(province.Zhejiang)}
	ind := NameOptions{Individual: true, Rules: rules(province.Zhejiang)}
	tj := NameOptions{Rules: rules(province.Tianjin)}
	tjInd := NameOptions{Individual: true, Rules: rules(province.Tianjin)}
	tests := []struct {
		name string
		site string
		o    NameOptions
		want []string
	}{
		// National rules.
		{"a plain company site", "示例网络科技官网", unit, nil},
		{"company short name", "示例科技", unit, nil},
		{"digits only", "12345", unit, []string{"site.name_digits"}},
		{"letters only", "Example", unit, []string{"site.name_letters"}},
		{"letters with a space", "My Site", unit, []string{"site.name_letters"}},
		{"letters and Han mixed", "ABC科技官网", unit, nil},
		{"a domain as name", "example.com", unit, []string{"site.name_domain"}},
		{"an IDN domain as name", "例子.中国", unit, []string{"site.name_domain"}},
		{"www prefix", "www.示例科技", unit, []string{"site.name_domain"}},
		{"http in the name", "http示例科技", unit, []string{"site.name_domain"}},
		{"two characters", "示例", unit, []string{"site.name_short"}},
		{"one character", "站", unit, []string{"site.name_short"}},
		{"empty", "  ", unit, []string{"site.name_empty"}},
		{"exclamation mark", "示例科技！", unit, []string{"site.name_symbol"}},
		{"ASCII symbol", "示例#科技", unit, []string{"site.name_symbol"}},
		{"hyphen is a symbol", "示例-科技", unit, []string{"site.name_symbol"}},
		{"middle dot allowed", "买买提·示例商店", unit, nil},
		{"emoji", "示例科技😀", unit, []string{"site.name_symbol"}},
		{"sensitive word 赌博", "示例赌博娱乐", unit, []string{"site.name_word"}},
		{"sensitive word 色情", "示例色情站", unit, []string{"site.name_word"}},
		{"sensitive word 反腐 (also a leading word for units? no: contains)", "示例反腐网", unit, []string{"site.name_word"}},
		// Unit rules.
		{"leading 中国", "中国示例科技", unit, []string{"site.name_leading"}},
		{"leading 国家", "国家示例中心", unit, []string{"site.name_leading"}},
		{"leading 中华", "中华示例网", unit, []string{"site.name_leading"}},
		{"leading 人民", "人民示例网", unit, []string{"site.name_leading"}},
		{"leading 人大", "人大示例网", unit, []string{"site.name_leading"}},
		{"leading 中央", "中央示例网", unit, []string{"site.name_leading"}},
		{"leading 投诉 (HW)", "投诉示例平台", unit, []string{"site.name_leading"}},
		{"leading 维权 (HW)", "维权示例平台", unit, []string{"site.name_leading"}},
		{"中国 inside is fine for units", "示例中国分公司", unit, nil},
		{"national unit may lead with 中国", "中国示例协会", NameOptions{NationalUnit: true, Rules: rules(province.Beijing)}, nil},
		// Individual rules.
		{"individual: plain", "小明的书屋", ind, nil},
		{"individual: 博客", "小明博客", ind, []string{"site.name_word"}},
		{"individual: 论坛", "小明论坛", ind, []string{"site.name_word"}},
		{"individual: 个人空间", "小明的个人空间", ind, []string{"site.name_word"}},
		{"individual: 工作室", "小明工作室", ind, []string{"site.name_word"}},
		{"individual: 网站", "小明的网站", ind, []string{"site.name_word"}},
		{"individual: 网络", "小明网络日记", ind, []string{"site.name_word"}},
		{"individual: 资讯", "小明资讯", ind, []string{"site.name_word"}},
		{"individual: 导航", "小明导航", ind, []string{"site.name_word"}},
		{"individual: 平台", "小明平台", ind, []string{"site.name_word"}},
		{"individual: 社区", "小明社区", ind, []string{"site.name_word"}},
		{"individual: 在线", "小明在线", ind, []string{"site.name_word"}},
		{"individual: 交流", "小明交流站", ind, []string{"site.name_word"}},
		{"individual: 作品展示", "小明作品展示", ind, []string{"site.name_word"}},
		{"individual: 爱好者", "摄影爱好者", ind, []string{"site.name_word"}},
		{"individual: 中国", "小明的中国菜谱", ind, []string{"site.name_word"}},
		{"individual: 国家", "国家地理笔记", ind, []string{"site.name_word"}},
		{"individual: 公司 is a warning", "小明公司笔记", ind, []string{"site.name_word_warning"}},
		{"individual: 官方 is a warning", "小明官方笔记", ind, []string{"site.name_word_warning"}},
		{"individual: 商城 is a warning", "小明商城笔记", ind, []string{"site.name_word_warning"}},
		{"individual: too long", "小明的读书与旅行随笔记录本", ind, []string{"site.name_long"}},
		{"individual: place name", "杭州小明的书屋", ind, nil},
		{"individual: province name", "浙江小明书屋", ind, []string{"site.name_place"}},
		// Province extras.
		{"Tianjin: 3 Han characters", "AB科", tj, []string{"site.name_min_han"}},
		{"Tianjin: generic word 平台", "示例平台", tj, []string{"site.name_province_word"}},
		{"Tianjin: generic word 分享", "示例分享", tj, []string{"site.name_province_word"}},
		{"Tianjin: pre-approval word 博客", "示例博客", tj, []string{"site.name_preapproval"}},
		{"Tianjin individual: 论坛 three ways", "小明论坛", tjInd, []string{"site.name_word", "site.name_province_word", "site.name_preapproval"}},
		{"Shandong: generic word 导航", "示例导航", NameOptions{Rules: rules(province.Shandong)}, []string{"site.name_province_word"}},
		{"Shandong unit: English (stated for units)", "小明的Blog", NameOptions{Rules: rules(province.Shandong)}, []string{"site.name_english"}},
		{"Shandong individual: English (not stated)", "小明的Blog", NameOptions{Individual: true, Rules: rules(province.Shandong)}, nil},
		{"Sichuan: pre-approval 新闻", "示例新闻", NameOptions{Rules: rules(province.Sichuan)}, []string{"site.name_preapproval"}},
		{"Sichuan: 电子商务", "示例电子商务", NameOptions{Rules: rules(province.Sichuan)}, []string{"site.name_preapproval"}},
		{"Chongqing: no English at all", "ABC科技官网", NameOptions{Rules: rules(province.Chongqing)}, []string{"site.name_english"}},
		{"Chongqing: Han only is fine", "示例科技官网", NameOptions{Rules: rules(province.Chongqing)}, nil},
		{"Henan individual: 个人", "小明个人书屋", NameOptions{Individual: true, Rules: rules(province.Henan)}, []string{"site.name_province_word"}},
		{"Henan unit: 个人 is fine", "示例个人护理", NameOptions{Rules: rules(province.Henan)}, nil},
		{"Hebei: 论坛 needs pre-approval", "示例论坛", NameOptions{Rules: rules(province.Hebei)}, []string{"site.name_preapproval"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.o.Field = "sites[0].name"
			r := CheckSiteName(tt.site, tt.o)
			var got []string
			for _, f := range r.Findings {
				got = append(got, f.Code)
				assert.Equal(t, "sites[0].name", f.Field)
				assert.NotEmpty(t, f.Source)
			}
			assert.ElementsMatch(t, tt.want, got, "%v", r.Findings)
		})
	}
	r := CheckSiteName("示例赌博娱乐", unit)
	require.Len(t, r.Findings, 1)
	assert.Equal(t, "赌博", r.Findings[0].Params["word"], "the finding names the word")
}

func TestPreApproval(t *testing.T) {
	tests := []struct {
		text string
		cats []string
	}{
		{"示例理财平台", []string{"finance"}},
		{"整理财务报表的小工具", nil},
		{"为中小企业管理财务", nil},
		{"示例基金会官网", nil},
		{"整理财务之后再谈理财", []string{"finance"}}, // one covered hit, one free
		{"理财", []string{"finance"}},         // the keyword is the whole text
		{"私募基金信息", []string{"finance"}},
		{"P2P网贷撮合", []string{"finance"}},
		{"p2p lending", []string{"finance"}},
		{"手游下载站", []string{"games"}},
		{"示例新闻网", []string{"news"}},
		{"在线视频点播", []string{"audiovisual", "bbs"}},
		{"校外培训报名", []string{"offcampus_training"}},
		{"企业文化展示", nil},
		{"文化传媒有限公司", []string{"culture"}},
		{"网约车调度", []string{"ride_hailing"}},
		{"药品信息查询", []string{"drugs_devices"}},
		{"医疗器械销售", []string{"drugs_devices"}},
		{"社区医院预约挂号", []string{"medical"}},
		{"宗教文化研究", []string{"culture", "religion"}},
		{"公司介绍与产品展示", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var cats []string
			for _, h := range content.DefaultPreApproval().Scan(tt.text) {
				cats = append(cats, h.Category)
				assert.NotEmpty(t, h.Word)
			}
			assert.ElementsMatch(t, tt.cats, cats)
		})
	}
	for _, c := range content.Categories() {
		assert.NotEmpty(t, c.Authority, c.ID)
		assert.NotEmpty(t, c.Document, c.ID)
		assert.NotEmpty(t, c.Source, c.ID)
	}

	texts := map[string]string{"sites[0].name": "示例理财", "sites[0].description": "手游资讯"}
	ind := CheckPreApproval(PreApprovalInput{Individual: true, Texts: texts})
	assert.Len(t, ind.Errors(), 2, "individuals may run no pre-approval category")
	unit := CheckPreApproval(PreApprovalInput{Texts: texts})
	assert.Len(t, unit.Warnings(), 2)
	assert.Equal(t, "sites[0].description", unit.Warnings()[0].Field)
	with := CheckPreApproval(PreApprovalInput{Texts: texts, Approvals: []Approval{{Category: "games", Document: "ISBN 978-7-0000-0000-0"}}, NotInvolved: true})
	assert.True(t, with.OK())
	assert.Len(t, with.Infos(), 1, "the finance hit asks for the commitment letter")
	edu := CheckPreApproval(PreApprovalInput{Texts: map[string]string{"x": "医院预约"}})
	assert.Len(t, edu.Infos(), 1, "abolished nationally: info")
}

func TestAppChecks(t *testing.T) {
	assert.True(t, CheckAppName("示例记账本", "sites[0].name", language.Und).OK())
	// Generic names and emoji are HW-app's own words: errors.
	for _, bad := range []string{"计算器", "记账😀"} {
		assert.False(t, CheckAppName(bad, "sites[0].name", language.Und).OK(), bad)
	}
	// Pricing words and placeholders are our examples of HW-app's
	// categories, not words it states: warnings.
	for _, doubtful := range []string{"免费记账", "示例测试版", "demo记账"} {
		r := CheckAppName(doubtful, "sites[0].name", language.Und)
		assert.True(t, r.OK(), doubtful)
		assert.NotEmpty(t, r.Warnings(), doubtful)
	}
	assert.True(t, validAndroidPackage("com.example.app"))
	assert.True(t, validAndroidPackage("cn.example.my_app2"))
	for _, bad := range []string{"example", "com..app", "com.1app", "com.exa-mple", ""} {
		assert.False(t, validAndroidPackage(bad), bad)
	}
	fp, ok := normalizeFingerprint("ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89", 16)
	assert.True(t, ok)
	assert.Equal(t, "ABCDEF0123456789ABCDEF0123456789", fp)
	_, ok = normalizeFingerprint(strings.Repeat("a", 40), 20)
	assert.True(t, ok)
	_, ok = normalizeFingerprint(strings.Repeat("g", 32), 16)
	assert.False(t, ok)
	_, ok = normalizeFingerprint(strings.Repeat("a", 32), 20)
	assert.False(t, ok)
}

func TestCheckLimits(t *testing.T) {
	at := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	site := func(domains ...string) Site { return Site{Domains: domains} }
	tests := []struct {
		name string
		in   limitInput
		want []string
	}{
		{"an individual's sixth service: no national cap", limitInput{Individual: true, Existing: 5, Sites: []Site{site("a.com")}, Rules: province.RulesAt(province.Zhejiang, at)}, nil},
		{"an individual's sixth service: Huawei's cap", limitInput{Individual: true, Existing: 5, Sites: []Site{site("a.com")}, Rules: province.RulesAt(province.Zhejiang, at), ProfileCap: 5, ProfileCapSource: "HW-rules"}, []string{"limit.individual_services"}},
		{"an individual's sixth service in Shaanxi: the province's cap", limitInput{Individual: true, Existing: 5, Sites: []Site{site("a.com")}, Rules: province.RulesAt(province.Shaanxi, at)}, []string{"limit.individual_services"}},
		{"an individual's fifth service", limitInput{Individual: true, Existing: 4, Sites: []Site{site("a.com")}, Rules: province.RulesAt(province.Zhejiang, at)}, nil},
		{"Shaanxi unit over 30 sites", limitInput{Existing: 30, Sites: []Site{site("a.com")}, Rules: province.RulesAt(province.Shaanxi, at)}, []string{"limit.unit_sites"}},
		{"Hubei: one site per order", limitInput{Sites: []Site{site("a.com"), site("b.com")}, Rules: province.RulesAt(province.Hubei, at)}, []string{"limit.sites_per_order"}},
		{"Henan unit: 5 domains per order", limitInput{Sites: []Site{site("a.com"), site("b.com"), site("c.com"), site("d.com"), site("e.com"), site("f.com")}, Rules: province.RulesAt(province.Henan, at)}, []string{"limit.domains_per_order"}},
		{"Henan: one domain per site", limitInput{Sites: []Site{site("a.com", "b.com")}, Rules: province.RulesAt(province.Henan, at)}, []string{"limit.one_domain_per_site"}},
		{"Hunan: site plan from the second site", limitInput{Existing: 1, Sites: []Site{site("a.com")}, Rules: province.RulesAt(province.Hunan, at)}, []string{"limit.site_plan"}},
		{"Jiangsu individual: site plan from 10", limitInput{Individual: true, Existing: 9, Sites: []Site{site("a.com")}, Rules: province.RulesAt(province.Jiangsu, at)}, []string{"limit.site_plan"}},
		{"Zhejiang unit, two sites", limitInput{Sites: []Site{site("a.com"), site("b.com", "c.com")}, Rules: province.RulesAt(province.Zhejiang, at)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range checkLimitsReport(tt.in).Findings {
				got = append(got, f.Code)
			}
			assert.ElementsMatch(t, tt.want, got)
		})
	}
}

func TestCheckSiteNameCleanNoAllocs(t *testing.T) {
	o := NameOptions{Rules: province.Tianjin.Rules(), Field: "sites[0].name"}
	var r Report
	allocs := testing.AllocsPerRun(100, func() { r = CheckSiteName("示例科技官网", o) })
	assert.True(t, r.OK(), "the name is clean, so the zero-alloc path is the one measured")
	assert.Zero(t, allocs, "a name without findings is judged without allocating")
}

func BenchmarkCheckSiteName(b *testing.B) {
	for _, c := range []struct{ name, site string }{
		{"clean", "示例科技官网"},         // no finding
		{"one_finding", "示例网络科技官网"}, // Tianjin's generic word 网络: renders a message
	} {
		b.Run(c.name, func(b *testing.B) {
			o := NameOptions{Rules: province.Tianjin.Rules(), Field: "sites[0].name"}
			b.ReportAllocs()
			for b.Loop() {
				_ = CheckSiteName(c.site, o)
			}
		})
	}
}

func TestLoadNameRules(t *testing.T) {
	custom, err := content.LoadNameRules(strings.NewReader("unit\tcontains\t官方\terror\tUNCERTAIN\tpanel policy\n"))
	require.NoError(t, err)
	r := CheckSiteName("示例官方网站", NameOptions{Words: custom, Field: "sites[0].name"})
	require.Len(t, r.Findings, 1)
	assert.Equal(t, "官方", r.Findings[0].Params["word"])
	assert.Equal(t, "panel policy", r.Findings[0].Source)
	assert.True(t, CheckSiteName("示例官方网站", NameOptions{}).OK(), "the default has no such rule for units")
	assert.NotEmpty(t, content.DefaultNameRules().Version())

	app := enterpriseApp()
	app.Sites[0].Name = "示例官方网站"
	rep := Check(app, At(checkDay), WithNameRules(custom))
	assert.Contains(t, codesOf(rep, SeverityError), "site.name_word@sites[0].name")

	for name, bad := range map[string]string{
		"scope":     "everyone\tcontains\tx\terror\tCONFIRMED\tsrc\n",
		"rule":      "unit\tmatches\tx\terror\tCONFIRMED\tsrc\n",
		"severity":  "unit\tcontains\tx\tfatal\tCONFIRMED\tsrc\n",
		"status":    "unit\tcontains\tx\terror\tSURE\tsrc\n",
		"source":    "unit\tcontains\tx\terror\tCONFIRMED\t-\n",
		"columns":   "unit\tcontains\n",
		"directive": "#@ colour blue\n",
	} {
		_, err := content.LoadNameRules(strings.NewReader(bad))
		assert.Error(t, err, name)
	}
}

func TestLoadPreApproval(t *testing.T) {
	cats := "crypto\t金融监管部门\t批准文件\tyes\tUNCERTAIN\tpanel policy\n"
	kws := "crypto\t比特币\t-\tUNCERTAIN\tpanel policy\n"
	tb, err := content.LoadPreApproval(strings.NewReader(cats), strings.NewReader(kws))
	require.NoError(t, err)
	hits := tb.Scan("比特币行情")
	require.Len(t, hits, 1)
	assert.Equal(t, "crypto", hits[0].Category)
	assert.Empty(t, content.DefaultPreApproval().Scan("比特币行情"), "the default table is unchanged")
	require.Len(t, tb.Categories(), 1)

	app := enterpriseApp()
	app.Sites[0].Description = "比特币行情"
	rep := Check(app, At(checkDay), WithPreApproval(tb))
	assert.Contains(t, codesOf(rep, SeverityWarning), "site.preapproval_needed@sites[0].description")

	_, err = content.LoadPreApproval(strings.NewReader(cats), strings.NewReader("games\t游戏\t-\tUNCERTAIN\tx\n"))
	assert.ErrorContains(t, err, "unknown category")
	_, err = content.LoadPreApproval(strings.NewReader("crypto\tx\ty\tmaybe\tCONFIRMED\tsrc\n"), strings.NewReader(""))
	assert.Error(t, err)
	_, err = content.LoadPreApproval(strings.NewReader(cats), strings.NewReader("crypto\t比特币\t-\tUNCERTAIN\t-\n"))
	assert.Error(t, err)
}
