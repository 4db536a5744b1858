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
