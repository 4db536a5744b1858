package icp

import (
	"errors"
	"fmt"
	"io/fs"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp/content"
	"github.com/icpkit/icpkit/internal/catalog"
	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// Display-name domains of the catalog. A finding parameter declared with a
// domain ("kind:subject_kind") carries the token, and its message shows the
// token's display name in the message's language.
const (
	namesFilingType  = "filing_type"
	namesServiceType = "service_type"
	namesSubjectKind = "subject_kind"
	namesDocType     = "doc_type"
	namesMaterial    = "material_kind"
	namesSeverity    = "severity"
	namesProfile     = "profile"
	namesProvince    = "province"
	namesMobileClass = "mobile_class"
	namesVerifier    = "verifier"
	namesCategory    = "preapproval"
	namesContent     = "site_content"
	namesNumberKind  = "number_kind"
)

// materialNamesEn are the English names of the material kinds, by token;
// the Chinese names come from package material.
var materialNamesEn = map[string]string{
	"id_card_front": "ID card, portrait side", "id_card_back": "ID card, emblem side",
	"hk_macau_permit_front": "Hong Kong and Macao permit, front", "hk_macau_permit_back": "Hong Kong and Macao permit, back",
	"taiwan_permit_front": "Taiwan compatriot permit, front", "taiwan_permit_back": "Taiwan compatriot permit, back",
	"passport_page": "passport data page", "residence_permit": "residence permit for Hong Kong, Macao and Taiwan residents",
	"residence_proof": "proof of residence", "business_license": "business licence", "unit_certificate": "unit certificate",
	"domain_certificate": "domain certificate", "authorization_letter": "letter of authorisation", "rename_letter": "letter confirming a change of name",
	"commitment_letter": "letter of commitment", "truthfulness_notice": "notice of responsibility for truthfulness",
	"truthfulness_commitment": "commitment to truthfulness", "commitment_video": "video with the signed commitment",
	"filing_commitment": "filing commitment letter", "party_building_letter": "party-building confirmation letter",
	"site_plan": "website construction plan", "finance_commitment": "commitment of a unit in internet finance",
	"verification_photo": "face-to-face verification photo", "app_icon": "App icon", "other": "other material",
}

func init() {
	var ft []catalog.Name
	for t := FirstFiling; t <= numFilingTypes; t++ {
		ft = append(ft, catalog.Name{Token: t.String(), Zh: t.NameZh(), En: t.NameEn()})
	}
	catalog.RegisterNames(namesFilingType, ft...)
	catalog.RegisterNames(namesServiceType,
		catalog.Name{Token: "website", Zh: "网站", En: "website"},
		catalog.Name{Token: "app", Zh: "App", En: "App"},
		catalog.Name{Token: "mini_program", Zh: "小程序", En: "mini-program"},
		catalog.Name{Token: "quick_app", Zh: "快应用", En: "quick app"})
	var sk []catalog.Name
	for _, k := range subject.Kinds() {
		sk = append(sk, catalog.Name{Token: k.String(), Zh: k.NameZh(), En: k.NameEn()})
	}
	catalog.RegisterNames(namesSubjectKind, sk...)
	var dt []catalog.Name
	for _, t := range subject.DocTypes() {
		dt = append(dt, catalog.Name{Token: t.String(), Zh: t.NameZh(), En: t.NameEn()})
	}
	catalog.RegisterNames(namesDocType, dt...)
	var mk []catalog.Name
	for _, k := range material.Kinds() {
		mk = append(mk, catalog.Name{Token: k.String(), Zh: k.NameZh(), En: materialNamesEn[k.String()]})
	}
	catalog.RegisterNames(namesMaterial, mk...)
	catalog.RegisterNames(namesSeverity,
		catalog.Name{Token: "info", Zh: "提示", En: "info"},
		catalog.Name{Token: "warning", Zh: "警告", En: "warning"},
		catalog.Name{Token: "error", Zh: "错误", En: "error"})
	catalog.RegisterNames(namesProfile,
		catalog.Name{Token: "default", Zh: "通用规则", En: "common rules"},
		catalog.Name{Token: "alibaba", Zh: "阿里云", En: "Alibaba Cloud"},
		catalog.Name{Token: "tencent", Zh: "腾讯云", En: "Tencent Cloud"},
		catalog.Name{Token: "huawei", Zh: "华为云", En: "Huawei Cloud"})
	var pv []catalog.Name
	for _, p := range province.All() {
		pv = append(pv, catalog.Name{Token: p.String(), Zh: p.Name(), En: p.EnglishName()})
	}
	catalog.RegisterNames(namesProvince, pv...)
	catalog.RegisterNames(namesMobileClass,
		catalog.Name{Token: subject.Basic.String(), Zh: "基础运营商号码", En: "basic operator number"},
		catalog.Name{Token: subject.Virtual.String(), Zh: "虚拟运营商号码", En: "virtual operator number"},
		catalog.Name{Token: subject.IoT.String(), Zh: "物联网号码", En: "IoT number"},
		catalog.Name{Token: subject.Satellite.String(), Zh: "卫星电话号码", En: "satellite number"},
		catalog.Name{Token: subject.Emergency.String(), Zh: "应急通信号码", En: "emergency-communication number"})
	catalog.RegisterNames(namesVerifier,
		catalog.Name{Token: VerifierOwner.String(), Zh: "主体负责人", En: "subject owner"},
		catalog.Name{Token: VerifierManager.String(), Zh: "网站负责人", En: "site manager"})
	catalog.RegisterNames(namesCategory,
		catalog.Name{Token: "news", Zh: "新闻", En: "news"},
		catalog.Name{Token: "publishing", Zh: "出版", En: "publishing"},
		catalog.Name{Token: "education", Zh: "教育", En: "education"},
		catalog.Name{Token: "offcampus_training", Zh: "校外培训", En: "off-campus training"},
		catalog.Name{Token: "medical", Zh: "医疗保健", En: "medical care"},
		catalog.Name{Token: "drugs_devices", Zh: "药品和医疗器械", En: "drugs and medical devices"},
		catalog.Name{Token: "culture", Zh: "网络文化", En: "online culture"},
		catalog.Name{Token: "audiovisual", Zh: "网络视听", En: "online audio-visual programmes"},
		catalog.Name{Token: "bbs", Zh: "电子公告", En: "bulletin boards"},
		catalog.Name{Token: "ride_hailing", Zh: "网约车", En: "ride hailing"},
		catalog.Name{Token: "finance", Zh: "金融", En: "finance"},
		catalog.Name{Token: "games", Zh: "网络游戏", En: "online games"},
		catalog.Name{Token: "religion", Zh: "宗教", En: "religion"})
	catalog.RegisterNames(namesContent,
		catalog.Name{Token: "personal_space", Zh: "个人空间或博客", En: "personal space or blog"},
		catalog.Name{Token: "other", Zh: "其他", En: "other"})
	var nk []catalog.Name
	for k := SubjectFiling; k <= PoliceFiling; k++ {
		nk = append(nk, catalog.Name{Token: k.String(), Zh: numberKindZh[k], En: numberKindEn[k]})
	}
	catalog.RegisterNames(namesNumberKind, nk...)
}

var (
	numberKindZh = map[NumberKind]string{SubjectFiling: "主体备案号", SiteFiling: "网站备案号", AppFiling: "App 备案号",
		MiniProgramFiling: "小程序备案号", QuickAppFiling: "快应用备案号", ICPLicense: "ICP 经营许可证号",
		TelecomLicense: "增值电信业务经营许可证号", PoliceFiling: "公安机关备案号"}
	numberKindEn = map[NumberKind]string{SubjectFiling: "subject filing number", SiteFiling: "site filing number", AppFiling: "App filing number",
		MiniProgramFiling: "mini-program filing number", QuickAppFiling: "quick-app filing number", ICPLicense: "ICP licence number",
		TelecomLicense: "value-added telecom licence number", PoliceFiling: "public-security filing number"}
)

// DisplayName returns the name people read for an enum value, in English
// for an English tag and in Simplified Chinese otherwise: a [FilingType],
// [ServiceType], [Severity], [Fix], [Verifier], [NumberKind] or [Profile];
// a subject.Kind, subject.DocType or subject.Class; a material.Kind; a
// province.Province;. Other values, and
// invalid ones, render with fmt's %v.
func DisplayName(tag language.Tag, v any) string {
	var domain, token string
	switch x := v.(type) {
	case FilingType:
		domain, token = namesFilingType, x.String()
	case ServiceType:
		domain, token = namesServiceType, x.String()
	case Severity:
		domain, token = namesSeverity, x.String()
	case Fix:
		return catalog.Message(tag, x.MessageCode(), nil)
	case Verifier:
		domain, token = namesVerifier, x.String()
	case NumberKind:
		domain, token = namesNumberKind, x.String()
	case Profile:
		domain, token = namesProfile, x.Name
	case content.Category:
		domain, token = namesCategory, x.ID
	case subject.Kind:
		domain, token = namesSubjectKind, x.String()
	case subject.DocType:
		domain, token = namesDocType, x.String()
	case subject.Class:
		domain, token = namesMobileClass, x.String()
	case material.Kind:
		domain, token = namesMaterial, x.String()
	case province.Province:
		domain, token = namesProvince, x.String()
	}
	if n, ok := catalog.DisplayName(tag, domain, token); ok {
		return n
	}
	return fmt.Sprint(v)
}

// namesPart is the domain of the parts that subject's parse errors name
// ([subject.ParseError]'s Part), which findings carry as "part".
const namesPart = "part"

// partNames maps each part token (English, as package subject writes it)
// to its Chinese name.
var partNames = map[string]string{
	"format": "格式",
	"area code (a residence permit uses 810000, 820000 or 830000)": "地区码（港澳台居民居住证为 810000、820000 或 830000）",
	"area code and number (want 0 + area code + 7 or 8 digits)":    "区号和号码（应为 0 + 区号 + 7 或 8 位号码）",
	"birth date": "出生日期",
	"character outside the GB 32100 alphabet": "含有 GB 32100 字符集以外的字符",
	"characters":                        "字符",
	"check character":                   "校验码",
	"digits":                            "数字",
	"division code (positions 3–8)":     "行政区划码（第 3–8 位）",
	"domain":                            "域名部分",
	"empty":                             "为空",
	"extension":                         "分机号",
	"full-width characters":             "含全角字符",
	"leading digit":                     "首位数字",
	"length":                            "长度",
	"local number (starts with 0 or 1)": "本地号码（不能以 0 或 1 开头）",
	"local number length":               "本地号码长度",
	"local part":                        "用户名部分",
	"middle dot":                        "间隔号",
	"missing @":                         "缺少 @",
	"mixed scripts":                     "混用多种文字",
	"province code":                     "省级行政区代码",
	"province code (81–83 is a residence permit; use ParseIDNumber)":            "省级行政区代码（81–83 为港澳台居民居住证）",
	"province code (a leading 9 is a permanent-resident ID; use ParseIDNumber)": "省级行政区代码（以 9 开头为外国人永久居留身份证）",
	"registration authority and organisation type (positions 1–2)":              "登记管理部门和机构类别代码（第 1–2 位）",
	"segment (not allocated to mobile numbers)":                                 "号段（未分配给手机号码）",
	"document type":          "证件类型",
	"kind":                   "类型",
	"zero value":             "未填写",
	"date (want YYYY-MM-DD)": "日期（格式应为 YYYY-MM-DD）",
	"want type:number":       "应为“类型:号码”",
}

func init() {
	ns := make([]catalog.Name, 0, len(partNames))
	for en, zh := range partNames {
		ns = append(ns, catalog.Name{Token: en, Zh: zh, En: en})
	}
	catalog.RegisterNames(namesPart, ns...)
}

func init() {
	catalog.RegisterNames("proof",
		catalog.Name{Token: "residence_permit", Zh: "居住证", En: "residence permit"},
		catalog.Name{Token: "residence_certificate", Zh: "居住证明", En: "residence certificate"},
		catalog.Name{Token: "temporary_residence_permit", Zh: "暂住证", En: "temporary residence permit"},
		catalog.Name{Token: "status_proof", Zh: "身份证明", En: "proof of status"},
		catalog.Name{Token: "social_insurance", Zh: "社保证明", En: "social insurance record"},
		catalog.Name{Token: "house_purchase_contract", Zh: "购房合同", En: "house purchase contract"},
		catalog.Name{Token: "student_card", Zh: "学生证", En: "student card"},
		catalog.Name{Token: "employment_contract", Zh: "劳动合同", En: "employment contract"},
		catalog.Name{Token: "lease_1y", Zh: "一年以上租房合同", En: "lease of at least one year"},
		catalog.Name{Token: "property_certificate", Zh: "房产证", En: "property certificate"},
		catalog.Name{Token: "police_residence_certificate", Zh: "派出所居住证明", En: "residence certificate from the police station"})
	catalog.RegisterNames("phone_role",
		catalog.Name{Token: "individual", Zh: "个人主体", En: "individuals"},
		catalog.Name{Token: "non_local_individual", Zh: "外省个人", En: "individuals from other provinces"},
		catalog.Name{Token: "contact1", Zh: "第一联系人", En: "first contact"},
		catalog.Name{Token: "owner", Zh: "主体负责人", En: "subject owner"},
		catalog.Name{Token: "manager", Zh: "网站负责人", En: "site manager"},
		catalog.Name{Token: "unit_landline", Zh: "单位座机", En: "unit landline"},
		catalog.Name{Token: "all", Zh: "所有人", En: "everyone"},
		catalog.Name{Token: "emergency", Zh: "应急联系电话", En: "emergency phone"})
	catalog.RegisterNames("minor_document",
		catalog.Name{Token: "guardian_id", Zh: "监护人身份证", En: "the guardian's ID card"},
		catalog.Name{Token: "guardian_statement", Zh: "监护人声明", En: "a statement by the guardian"},
		catalog.Name{Token: "household_register", Zh: "户口簿", En: "the household register"},
		catalog.Name{Token: "income_proof", Zh: "收入证明", En: "proof of income"},
		catalog.Name{Token: "employment_proof", Zh: "工作证明", En: "proof of employment"})
	catalog.RegisterNames("reuse_kind",
		catalog.Name{Token: "id", Zh: "证件号码", En: "identity-document number"},
		catalog.Name{Token: "mobile", Zh: "手机号码", En: "mobile number"},
		catalog.Name{Token: "manager_id", Zh: "网站负责人", En: "site manager"})
	catalog.RegisterNames("billing",
		catalog.Name{Token: "subscription", Zh: "包年包月", En: "subscription"},
		catalog.Name{Token: "pay_as_you_go", Zh: "按量付费", En: "pay as you go"})
	catalog.RegisterNames("product",
		catalog.Name{Token: "ecs", Zh: "云服务器 ECS", En: "ECS"},
		catalog.Name{Token: "lightweight", Zh: "轻量应用服务器", En: "lightweight server"},
		catalog.Name{Token: "slb", Zh: "负载均衡 SLB", En: "SLB load balancer"},
		catalog.Name{Token: "ace", Zh: "ACE", En: "ACE"},
		catalog.Name{Token: "market", Zh: "云市场", En: "cloud marketplace"},
		catalog.Name{Token: "webapp", Zh: "WebApp", En: "WebApp"},
		catalog.Name{Token: "nat", Zh: "NAT 网关", En: "NAT gateway"},
		catalog.Name{Token: "nat64", Zh: "NAT64", En: "NAT64"},
		catalog.Name{Token: "ens", Zh: "边缘节点服务 ENS", En: "ENS edge nodes"},
		catalog.Name{Token: "virtual_host", Zh: "云虚拟主机", En: "virtual host"},
		catalog.Name{Token: "cvm", Zh: "云服务器 CVM", En: "CVM"},
		catalog.Name{Token: "lighthouse", Zh: "轻量应用服务器 Lighthouse", En: "Lighthouse"},
		catalog.Name{Token: "clb", Zh: "负载均衡 CLB", En: "CLB load balancer"},
		catalog.Name{Token: "scf_pack", Zh: "云函数资源包", En: "SCF resource pack"},
		catalog.Name{Token: "cloudbase_pack", Zh: "云托管资源包", En: "CloudBase resource pack"},
		catalog.Name{Token: "flexus_x", Zh: "Flexus X 实例", En: "Flexus X"},
		catalog.Name{Token: "flexus_l", Zh: "Flexus L 实例", En: "Flexus L"},
		catalog.Name{Token: "enterprise_portal", Zh: "企业门户", En: "enterprise portal"})
	catalog.RegisterNames("change",
		catalog.Name{Token: "address", Zh: "地址", En: "address"},
		catalog.Name{Token: "contacts", Zh: "联系方式", En: "contacts"},
		catalog.Name{Token: "manager", Zh: "网站负责人", En: "site manager"},
		catalog.Name{Token: "manager_contacts", Zh: "网站负责人联系方式", En: "site manager's contacts"},
		catalog.Name{Token: "name", Zh: "名称", En: "name"},
		catalog.Name{Token: "owner", Zh: "主体负责人", En: "subject owner"})
	catalog.RegisterNames(namesIOProblem,
		catalog.Name{Token: "not_found", Zh: "文件不存在", En: "the file does not exist"},
		catalog.Name{Token: "permission", Zh: "没有读取权限", En: "permission denied"},
		catalog.Name{Token: "empty", Zh: "文件为空", En: "the file is empty"},
		catalog.Name{Token: "truncated", Zh: "文件不完整", En: "the file is cut short"},
		catalog.Name{Token: "malformed", Zh: "文件结构损坏", En: "the file's structure is broken"},
		catalog.Name{Token: "other", Zh: "读取出错", En: "read error"})
	formats := []catalog.Name{
		{Token: "jpeg", Zh: "JPEG", En: "JPEG"}, {Token: "png", Zh: "PNG", En: "PNG"}, {Token: "gif", Zh: "GIF", En: "GIF"},
		{Token: "webp", Zh: "WebP", En: "WebP"}, {Token: "heif", Zh: "HEIF", En: "HEIF"}, {Token: "avif", Zh: "AVIF", En: "AVIF"},
		{Token: "bmp", Zh: "BMP", En: "BMP"}, {Token: "tiff", Zh: "TIFF", En: "TIFF"}, {Token: "pdf", Zh: "PDF", En: "PDF"},
		{Token: "zip", Zh: "ZIP 压缩包", En: "ZIP archive"}, {Token: "rar", Zh: "RAR 压缩包", En: "RAR archive"},
		{Token: "7z", Zh: "7z 压缩包", En: "7z archive"}, {Token: "exe", Zh: "Windows 可执行文件", En: "Windows executable"},
		{Token: "elf", Zh: "Unix 可执行文件", En: "Unix executable"}, {Token: "svg", Zh: "SVG", En: "SVG"},
		{Token: "html", Zh: "HTML 网页", En: "HTML page"}, {Token: "script", Zh: "脚本", En: "script"},
		{Token: "mp4", Zh: "MP4 视频", En: "MP4 video"}, {Token: "unknown", Zh: "无法识别的格式", En: "an unrecognised format"},
	}
	catalog.RegisterNames("format", formats...)
	catalog.RegisterNames("appended", append(formats, catalog.Name{Token: "padding", Zh: "填充的零字节", En: "zero padding"})...)
	catalog.RegisterNames("dpi_source",
		catalog.Name{Token: "none", Zh: "无记录", En: "nowhere"},
		catalog.Name{Token: "jfif", Zh: "JFIF 头", En: "the JFIF header"},
		catalog.Name{Token: "exif", Zh: "EXIF 信息", En: "the EXIF block"},
		catalog.Name{Token: "phys", Zh: "PNG 的 pHYs 块", En: "the PNG pHYs chunk"})
	var problems []catalog.Name
	for _, code := range material.ProblemCodes() {
		problems = append(problems, catalog.Name{Token: code, Zh: problemNames[code][0], En: problemNames[code][1]})
	}
	catalog.RegisterNames("material_problem", problems...)
	catalog.RegisterNames("name_match",
		catalog.Name{Token: "identical", Zh: "完全一致", En: "identical"},
		catalog.Name{Token: "equal_folded", Zh: "仅全角半角或括号写法不同", En: "equal but for full-width forms or brackets"},
		catalog.Name{Token: "different", Zh: "不同", En: "different"})
	catalog.RegisterNames("domain_problem",
		catalog.Name{Token: "host", Zh: "不是有效的主机名", En: "not a valid host name"},
		catalog.Name{Token: "ip_host", Zh: "IP 地址不是域名", En: "an IP address is not a domain"},
		catalog.Name{Token: "public_suffix", Zh: "这是公共后缀，不能注册", En: "a public suffix, which nobody can register"})
}

// problemNames are the display names of the problem codes of
// material.Spec.Check.
var problemNames = map[string][2]string{
	material.ProblemFormat:        {"格式不符", "wrong format"},
	material.ProblemTooLarge:      {"文件过大", "file too large"},
	material.ProblemTooSmall:      {"文件过小", "file too small"},
	material.ProblemTruncated:     {"文件不完整", "file cut short"},
	material.ProblemEndMissing:    {"缺少结束标记", "end marker missing"},
	material.ProblemTrailing:      {"图像后附加了数据", "data appended after the image"},
	material.ProblemTooManyPixels: {"像素过多", "too many pixels"},
	material.ProblemDPILow:        {"分辨率过低", "resolution too low"},
	material.ProblemDPIUnknown:    {"未记录分辨率", "resolution not recorded"},
	material.ProblemPixelsLow:     {"像素不足", "too few pixels"},
	material.ProblemGreyscale:     {"不是彩色图像", "not in colour"},
	material.ProblemEXIF:          {"EXIF 信息损坏", "broken EXIF block"},
}

// namesIOProblem names why a material could not be opened.
const namesIOProblem = "io_problem"

// ioProblem classifies an opener's error as a token of namesIOProblem: the
// error's own text is not copied, since a path may hold personal data.
func ioProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "not_found"
	case errors.Is(err, fs.ErrPermission):
		return "permission"
	case errors.Is(err, material.ErrEmpty):
		return "empty"
	case errors.Is(err, material.ErrTruncated):
		return "truncated"
	case errors.Is(err, material.ErrMalformed):
		return "malformed"
	}
	return "other"
}
