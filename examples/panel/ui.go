package main

import (
	"html/template"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// uiText holds the page's own words, each wholly in its language; field
// labels and enum names come from icp.FieldLabel and icp.DisplayName.
var uiText = map[string][2]string{
	"title":            {"ICP 备案向导", "ICP filing wizard"},
	"intro":            {"逐步填写备案信息，每个字段在输入时即时检查。", "Fill in the filing step by step; every field is checked as you type."},
	"switch_lang":      {"English", "中文"},
	"switch_lang_aria": {"切换到英文", "switch to Chinese"},
	"mode_wasm":        {"检查在浏览器中运行（WebAssembly）。", "Checks run in your browser (WebAssembly)."},
	"mode_server":      {"浏览器内检查不可用，改由服务器检查：结果相同，只是稍慢。", "The in-browser check is not available, so the server checks instead: the same results, a little slower."},
	"mode_loading":     {"正在加载浏览器内检查……", "Loading the in-browser check…"},
	"step_subject":     {"主体", "Subject"},
	"step_people":      {"负责人", "People"},
	"step_sites":       {"网站", "Sites"},
	"step_materials":   {"材料", "Materials"},
	"step_review":      {"核对提交", "Review"},
	"step_general":     {"其他", "Other"},
	"steps_aria":       {"备案步骤", "filing steps"},
	"next":             {"下一步", "Next"},
	"prev":             {"上一步", "Back"},
	"profile":          {"接入商规则", "provider rules"},
	"owner":            {"主体负责人", "Subject owner"},
	"manager_of":       {"网站 %d 的负责人", "Manager of site %d"},
	"same_as_owner":    {"与主体负责人相同", "same person as the subject owner"},
	"site_n":           {"网站 %d", "Site %d"},
	"add_site":         {"添加网站", "Add a site"},
	"remove_site":      {"删除此网站", "Remove this site"},
	"server":           {"服务器", "Server"},
	"list_hint":        {"每行一个", "one per line"},
	"choose":           {"请选择", "choose"},
	"required":         {"必填", "required"},
	"optional":         {"选填", "optional"},
	"rules":            {"本省规则", "Rules of the province"},
	"materials_intro":  {"上传后服务器会检查文件格式、大小、分辨率和附加数据。", "The server inspects each upload: format, size, resolution and appended data."},
	"material_for":     {"所属", "for"},
	"upload":           {"上传", "upload"},
	"uploading":        {"正在检查文件……", "Inspecting the file…"},
	"upload_bad":       {"无法读取上传的文件", "the upload cannot be read"},
	"upload_gone":      {"服务器已不再保存此文件，请重新上传", "the server no longer keeps this file: upload it again"},
	"upload_large":     {"文件过大", "the file is too large"},
	"upload_summary":   {"%s，%d×%d 像素，%s，%s，%s", "%s, %d×%d pixels, %s, %s, %s"},
	"dpi_none":         {"未记录分辨率", "no resolution recorded"},
	"trailing_none":    {"无附加数据", "no appended data"},
	"trailing_some":    {"结尾后有 %d 字节附加数据 %s", "%d bytes appended after the end %s"},
	"findings_live":    {"当前检查结果", "Current findings"},
	"no_findings":      {"没有发现问题", "No problems found"},
	"submit":           {"提交并检查", "Submit and check"},
	"submitting":       {"正在提交……", "Submitting…"},
	"report":           {"检查报告", "Check report"},
	"report_ok":        {"没有错误，可以提交给接入商。", "No errors: the application can go to the provider."},
	"report_bad":       {"有 %d 个错误、%d 个警告需要处理。", "%d errors and %d warnings to deal with."},
	"footer":           {"页脚代码", "Footer snippet"},
	"footer_example":   {"备案号下发前，以下为示例号码的页脚，下发后替换为真实备案号。", "Until the number is granted this uses an example number: replace it with the real one."},
	"plan":             {"变更备案计划", "Re-filing plan"},
	"before":           {"当前已备案的信息（部署 JSON，用于变更计划）", "What is filed today (deployment JSON, for the re-filing plan)"},
	"plan_none":        {"无需备案操作。", "No filing action is needed."},
	"decode_failed":    {"申请内容无法读取", "the application cannot be read"},
	"saved":            {"已在本机保存填写内容。", "What you typed is kept on this device."},
	"reset":            {"清空表单", "Clear the form"},
	"check_time":       {"检查耗时", "check time"},
	"severity_error":   {"错误", "error"},
	"severity_warning": {"警告", "warning"},
	"severity_info":    {"提示", "info"},
	"network_error":    {"无法连接服务器，填写内容已保留。", "The server cannot be reached; what you typed is kept."},
}

// ui returns a page word in lang ("zh-Hans" or "en").
func ui(lang, key string) string {
	t, ok := uiText[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return t[1]
	}
	return t[0]
}

type option struct{ Value, Name string }

type pageData struct {
	Lang, OtherLang, Today string
	T                      map[string]string
	Labels                 map[string]string
	FilingTypes            []option
	Provinces              []option
	Kinds                  []option
	DocTypes               []option
	ServiceTypes           []option
	Profiles               []option
	Materials              []option
	JS                     template.JS
}

// labelPaths are the fields the wizard shows.
var labelPaths = []string{
	"filing_type", "province", "subject.number", "subject.kind", "subject.name", "subject.certificate.type", "subject.certificate.number",
	"subject.certificate.valid_until", "subject.address", "subject.investor", "subject.landline", "subject.business_scope", "remark",
	"subject.owner.name", "subject.owner.document.type", "subject.owner.document.number", "subject.owner.document.valid_until",
	"subject.owner.mobile", "subject.owner.emergency_phone", "subject.owner.email", "subject.owner.legal_representative",
	"sites[].manager.name", "sites[].manager.document.type", "sites[].manager.document.number", "sites[].manager.mobile",
	"sites[].manager.emergency_phone", "sites[].manager.email", "sites[].manager.legal_representative",
	"sites[].number", "sites[].name", "sites[].service_type", "sites[].domains", "sites[].content", "sites[].description",
	"sites[].domain_holder", "sites[].domain_expires", "sites[].access.provider", "sites[].access.ips",
	"sites[].app.package_name", "sites[].app.bundle_id", "sites[].app.platforms", "sites[].app.android_md5", "sites[].app.ios_sha1",
	"resource.product", "resource.billing", "resource.months",
}

func newPageData(lang string) pageData {
	tag := tagOf(lang)
	d := pageData{Lang: lang, OtherLang: "en", Today: chinaToday(), T: map[string]string{}, Labels: map[string]string{}}
	if lang == "en" {
		d.OtherLang = "zh-Hans"
	}
	for k := range uiText {
		d.T[k] = ui(lang, k)
	}
	for _, p := range labelPaths {
		d.Labels[p] = icp.FieldLabel(tag, p)
	}
	for t := icp.FirstFiling; t <= icp.AccountTransfer; t++ {
		if t == icp.SiteMigration || t == icp.AccountTransfer || t == icp.CancelSubject || t == icp.CancelSite || t == icp.CancelAccess {
			continue // not an application the wizard files
		}
		d.FilingTypes = append(d.FilingTypes, option{t.String(), icp.DisplayName(tag, t)})
	}
	for _, p := range province.All() {
		d.Provinces = append(d.Provinces, option{p.String(), icp.DisplayName(tag, p)})
	}
	for _, k := range subject.Kinds() {
		d.Kinds = append(d.Kinds, option{k.String(), icp.DisplayName(tag, k)})
	}
	for _, t := range subject.DocTypes() {
		d.DocTypes = append(d.DocTypes, option{t.String(), icp.DisplayName(tag, t)})
	}
	for t := icp.ServiceWebsite; t <= icp.ServiceQuickApp; t++ {
		d.ServiceTypes = append(d.ServiceTypes, option{t.String(), icp.DisplayName(tag, t)})
	}
	for _, p := range icp.Profiles() {
		d.Profiles = append(d.Profiles, option{p.Name, icp.DisplayName(tag, p)})
	}
	for _, k := range material.Kinds() {
		d.Materials = append(d.Materials, option{k.String(), icp.DisplayName(tag, k)})
	}
	d.JS = mustJSON(map[string]any{"lang": lang, "today": d.Today, "t": d.T, "labels": d.Labels,
		"docTypes": d.DocTypes, "serviceTypes": d.ServiceTypes, "materials": d.Materials})
	return d
}

var _ = language.English
