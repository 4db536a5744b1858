package audit

import (
	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/catalog"
)

func init() {
	register(
		msg("audit.icp_missing", []string{"number"}, "页面上没有找到备案号 %[1]s", "the filing number %[1]s is not on the page"),
		msg("audit.icp_not_seen", []string{"number", "limit"}, "页面前 %[2]s 字节中没有看到备案号 %[1]s，其余部分没有检查", "the filing number %[1]s was not seen in the first %[2]s bytes of the page; the rest was not read"),
		msg("audit.icp_not_linked", []string{"number"}, "备案号 %[1]s 没有链接到 https://beian.miit.gov.cn/", "the filing number %[1]s is not linked to https://beian.miit.gov.cn/"),
		msg("audit.icp_obsolete_link", []string{"number", "href"}, "备案号 %[1]s 链接到已停用的地址 %[2]s，现行地址为 https://beian.miit.gov.cn/", "the filing number %[1]s links to the obsolete address %[2]s; today's is https://beian.miit.gov.cn/"),
		msg("audit.icp_link_variant", []string{"number", "href"}, "备案号 %[1]s 的链接 %[2]s 不是现行地址 https://beian.miit.gov.cn/", "the filing number %[1]s links to %[2]s rather than https://beian.miit.gov.cn/"),
		msg("audit.icp_wrong_link", []string{"number", "href"}, "备案号 %[1]s 链接到 %[2]s，而不是工信部备案系统", "the filing number %[1]s links to %[2]s, not to the MIIT filing system"),
		msg("audit.icp_other_number", []string{"number", "want"}, "页面展示的是 %[1]s，而不是本站的备案号 %[2]s", "the page shows %[1]s instead of this site's number %[2]s"),
		msg("audit.icp_subject_only", []string{"number", "want"}, "页面只展示了主体备案号 %[1]s；部分服务商要求除广东外展示网站备案号 %[2]s", "the page shows only the subject number %[1]s; some providers ask for the site number %[2]s outside Guangdong"),
		msg("audit.icp_other_service", []string{"number", "want"}, "页面展示的是同一主体的另一个服务备案号 %[1]s，而不是本站的 %[2]s", "the page shows %[1]s, another service of the same subject, rather than this site's %[2]s"),
		msg("audit.icp_license_for_filing", []string{"number", "want"}, "页面展示的是许可证号 %[1]s，备案号 %[2]s 也须展示", "the page shows the licence %[1]s; the filing number %[2]s must be shown as well"),
		msg("audit.icp_hidden", []string{"number", "how"}, "备案号 %[1]s 在页面上看不到（%[2]s）", "the filing number %[1]s is not shown on the page (%[2]s)"),
		msg("audit.icp_not_at_bottom", []string{"number"}, "备案号 %[1]s 不在页面底部", "the filing number %[1]s is not at the bottom of the page"),
		msg("audit.number_format", []string{"text", "number", "how"}, "“%[1]s”应写作 %[2]s（%[3]s）", "%[1]s should be written %[2]s (%[3]s)"),
		msg("audit.number_unreadable", []string{"text", "why"}, "“%[1]s”像是备案号，但无法识别：%[2]s", "%[1]s looks like a filing number but cannot be read: %[2]s"),
		msg("audit.number_alias", []string{"number", "usual"}, "%[1]s 使用了非常用简称（该省通常写作“%[2]s”），请核对备案系统中的写法", "%[1]s uses an unusual abbreviation (the province usually writes %[2]s); check how the filing system writes it"),
		msg("audit.double_hao", []string{"number"}, "号码 %[1]s 中“号”重复", "the number %[1]s repeats “号”"),
		msg("audit.placeholder", []string{"text"}, "页面上有占位符而不是备案号：%[1]s", "the page shows a placeholder instead of a number: %[1]s"),
		msg("audit.dummy_number", []string{"number"}, "%[1]s 像是示例或主题默认的号码，不像真实的备案号", "%[1]s looks like an example or a theme's default, not an issued number"),
		msg("audit.unofficial_number", []string{"text"}, "%[1]s 不是工信部的备案号（前缀不是省份简称）", "%[1]s is not an MIIT filing number (its prefix is not a province)"),
		msg("audit.police_missing", []string{"number"}, "页面上没有找到公安备案号 %[1]s", "the public-security number %[1]s is not on the page"),
		msg("audit.police_not_seen", []string{"number", "limit"}, "页面前 %[2]s 字节中没有看到公安备案号 %[1]s，其余部分没有检查", "the public-security number %[1]s was not seen in the first %[2]s bytes of the page; the rest was not read"),
		msg("audit.police_other_number", []string{"number", "want"}, "页面展示的公安备案号是 %[1]s，而不是 %[2]s", "the page shows the public-security number %[1]s instead of %[2]s"),
		msg("audit.police_hidden", []string{"number", "how"}, "公安备案号 %[1]s 在页面上看不到（%[2]s）", "the public-security number %[1]s is not shown on the page (%[2]s)"),
		msg("audit.police_not_linked", []string{"number"}, "公安备案号 %[1]s 没有链接到公安备案查询页", "the public-security number %[1]s is not linked to its query page"),
		msg("audit.police_legacy_link", []string{"number", "href"}, "公安备案号 %[1]s 链接到旧地址 %[2]s", "the public-security number %[1]s links to the legacy address %[2]s"),
		msg("audit.police_wrong_link", []string{"number", "href"}, "公安备案号 %[1]s 链接到 %[2]s，而不是它在公安备案系统的查询页", "the public-security number %[1]s links to %[2]s, not to its query page on the public-security system"),
		msg("audit.police_outdated", []string{"text"}, "公安备案号 %[1]s 是旧格式（现行号码为 14 位数字）", "the public-security number %[1]s is in an outdated format (today's have 14 digits)"),
		msg("audit.too_many_numbers", []string{"max"}, "页面上的备案号超过 %[1]s 个，只检查了前 %[1]s 个", "the page holds more than %[1]s numbers; only the first %[1]s were audited"),
		msg("audit.truncated", []string{"limit"}, "页面超过 %[1]s 字节，只检查了前面部分", "the page is longer than %[1]s bytes; only its beginning was audited"),
	)
}

// msg builds a catalog entry: the code, its parameter names in the order
// the texts use them (%[1]s …), and the zh-Hans and en texts.
func msg(code string, params []string, zh, en string) catalog.Msg {
	return catalog.Msg{Code: code, Params: params, Zh: zh, En: en}
}

func register(ms ...catalog.Msg) { catalog.Register(ms...) }

// finder collects the findings of one audit in one language.
type finder struct {
	lang language.Tag
	out  []icp.Finding
}

func (fd *finder) add(code string, sev icp.Severity, source string, kv ...string) {
	fd.addLine(code, sev, 0, source, kv...)
}

func (fd *finder) addLine(code string, sev icp.Severity, line int, source string, kv ...string) {
	f := icp.NewFinding(fd.lang, code, sev, "", source, kv...)
	f.Line = line
	fd.out = append(fd.out, f)
}

func (fd *finder) report() icp.Report { return icp.NewReport(fd.out) }
