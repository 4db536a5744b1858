package icp

import (
	"slices"
	"strings"

	"github.com/icpkit/icpkit/internal/catalog"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
	"golang.org/x/text/language"
)

// The province duties of this file come from the province rule table: a
// person serving one subject only, the staffing office's approval for
// public bodies, refused service contents, the resolved IP, filed sites
// kept open, foreign registrars, and the licence of a commercial site.

func init() {
	register(
		msg("person.manager_is_owner", nil, "本省要求网站负责人与主体负责人不能为同一人", "this province wants the site manager to be someone other than the subject's owner"),
		msg("person.reused", []string{"kind:reuse_kind"}, "该%[1]s已用于其他主体的备案，本省不允许重复使用", "this %[1]s already serves another subject's filing, which this province does not allow"),
		msg("person.reuse_unchecked", []string{"kinds:reuse_kind"}, "本省不允许同一%[1]s用于多个主体，离线无法核对以往备案", "this province allows one %[1]s for one subject only; earlier filings cannot be checked offline"),
		msg("subject.bianban_approval", nil, "本省的机关和事业单位备案需先取得机构编制部门的审批文件", "in this province a government body or public institution needs the approval of the staffing office (“编办”) first"),
		msg("site.content_refused", []string{"content:site_content"}, "本省不接受服务内容“%[1]s”", "this province does not accept “%[1]s” as service content"),
		msg("site.personal_space_approval", nil, "本省的个人空间或博客类网站需先取得前置审批", "in this province a personal space or blog needs a pre-approval"),
		msg("access.resolved_ip", nil, "本省要求域名解析的 IP 与备案的 IP 一致，离线无法核对", "this province wants the domain to resolve to the filed IP; this cannot be checked offline"),
		msg("site.filed_sites_open", nil, "本省要求本主体已备案的网站保持可访问并展示备案号，离线无法核对", "this province wants the subject's filed sites open and showing their numbers; this cannot be checked offline"),
		msg("domain.foreign_registrar", nil, "域名须在工信部批准的境内注册服务机构注册，境外注册商的域名不能备案", "the domain must be registered with a registrar approved by MIIT; domains at foreign registrars cannot be filed"),
		msg("site.commercial_licence", nil, "经营性网站需先取得 ICP 经营许可证，请填写许可证号", "a commercial site needs an ICP licence first: give its number"),
		msg("site.licence_kind", []string{"number"}, "%[1]s 不是 ICP 经营许可证或增值电信业务经营许可证号", "%[1]s is not an ICP or value-added telecom licence number"),
	)
}

// ruleReuse applies the bans on one person serving several subjects:
// within the application (天津: the site manager is not the owner), and
// through the panel's records ([WithReuseLookup]) for the rest.
func ruleReuse(c *checker) {
	if v, ok := c.r.ManagerNotOwner.Get(); ok && v && c.owner.docErr == nil && c.owner.doc.IsValid() {
		for i, m := range c.mgrs {
			if i < len(c.app.Sites) && m.docErr == nil && m.doc == c.owner.doc {
				c.add("person.manager_is_owner", statusSeverity(c.r.ManagerNotOwner.Status()), m.path+".document.number", c.r.ManagerNotOwner.Source())
			}
		}
	}
	var kinds []string
	var source string
	var status province.Status
	if w, ok := c.r.PersonOneSubject.Get(); ok {
		for k := range w.All() {
			kinds = append(kinds, k)
		}
		source, status = c.r.PersonOneSubject.Source(), c.r.PersonOneSubject.Status()
	}
	managerOne := false
	if v, ok := c.r.ManagerOneSubject.Get(); ok && v && c.unit() {
		managerOne = true
		kinds = append(kinds, "manager_id")
		source, status = joinSources(source, c.r.ManagerOneSubject.Source()), c.r.ManagerOneSubject.Status()
	}
	if len(kinds) == 0 {
		return
	}
	if c.cfg.Reuse == nil {
		c.add("person.reuse_unchecked", SeverityInfo, "", source, "kinds", strings.Join(kinds, ","))
		return
	}
	people := append([]personInfo{c.owner}, c.mgrs[:min(len(c.mgrs), len(c.app.Sites))]...)
	for _, pi := range people {
		manager := pi.path != "subject.owner"
		if pi.docErr == nil && pi.doc.IsValid() {
			if slices.Contains(kinds, "id") && c.cfg.Reuse("id", pi.doc.Number()) {
				c.add("person.reused", statusSeverity(status), pi.path+".document.number", source, "kind", "id")
			} else if managerOne && manager && c.cfg.Reuse("manager_id", pi.doc.Number()) {
				c.add("person.reused", statusSeverity(status), pi.path+".document.number", source, "kind", "manager_id")
			}
		}
		if slices.Contains(kinds, "mobile") && pi.mobErr == nil && pi.mobile.IsValid() && c.cfg.Reuse("mobile", pi.mobile.Number()) {
			c.add("person.reused", statusSeverity(status), pi.path+".mobile", source, "kind", "mobile")
		}
	}
}

func joinSources(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// ruleProvinceDuties reports the province's other duties: the staffing
// office's approval, refused service contents, blogs needing approval,
// and the checks that need the live site or registry, as info.
func ruleProvinceDuties(c *checker) {
	kind := c.app.Subject.Kind
	if v, ok := c.r.BianbanApproval.Get(); ok && v && (kind == subject.Government || kind == subject.Institution) &&
		slices.Contains(subjectTypes, c.app.FilingType) {
		c.add("subject.bianban_approval", SeverityWarning, "subject.kind", c.r.BianbanApproval.Source())
	}
	refused, _ := c.r.ServiceContentRefused.Get()
	blogApproval, _ := c.r.PersonalSpaceNeedsApproval.Get()
	for i, st := range c.app.Sites {
		sp := index("sites", i)
		for j, content := range st.Content {
			// The table names contents as the filing system shows them (其他);
			// an application carries tokens (other).
			zh, _ := catalog.DisplayName(language.SimplifiedChinese, namesContent, content)
			if refused.Contains(content) || zh != "" && refused.Contains(zh) {
				c.add("site.content_refused", statusSeverity(c.r.ServiceContentRefused.Status()), index(sp+".content", j),
					c.r.ServiceContentRefused.Source(), "content", content)
			}
		}
		if blogApproval && slices.Contains(st.Content, "personal_space") && !hasApproval(st.Approvals, "news") {
			c.add("site.personal_space_approval", statusSeverity(c.r.PersonalSpaceNeedsApproval.Status()), sp+".content",
				c.r.PersonalSpaceNeedsApproval.Source())
		}
		if st.Commercial {
			switch {
			case !st.Licence.IsValid():
				c.add("site.commercial_licence", SeverityError, sp+".licence", "HW-after")
			case st.Licence.Kind() != ICPLicense && st.Licence.Kind() != TelecomLicense:
				c.add("site.licence_kind", SeverityError, sp+".licence", "HW-after", "number", st.Licence.String())
			}
		}
	}
	if v, ok := c.r.ResolvedIPMustMatch.Get(); ok && v && slices.Contains(accessTypes, c.app.FilingType) {
		c.add("access.resolved_ip", SeverityInfo, "", c.r.ResolvedIPMustMatch.Source())
	}
	if v, ok := c.r.FiledSitesReachable.Get(); ok && v && c.app.FilingType != FirstFiling {
		c.add("site.filed_sites_open", SeverityInfo, "", c.r.FiledSitesReachable.Source())
	}
	if v, ok := c.r.ForeignRegistrarRefused.Get(); ok && v && len(c.app.Sites) > 0 {
		c.add("domain.foreign_registrar", SeverityInfo, "", c.r.ForeignRegistrarRefused.Source())
	}
}
