package icp

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/icpkit/icpkit/icp/content"
	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// MaxMaterialBytes bounds what [Check] reads of one material from the
// opener given with [WithMaterialOpener]: the largest file any profile
// accepts (8 MiB, Tencent's limit for scans) plus a margin of 1 MiB. A
// longer file, or a stream that never ends, is reported as
// material.read_limit once the bound is reached.
const MaxMaterialBytes = 8<<20 + 1<<20

// need is one required material.
type need struct {
	kind   material.Kind
	for_   string
	source string
}

// requiredMaterials lists what the application must carry (reference/
// TC-materials): the subject's certificate and its manager's ID, each site
// manager's ID, domain certificates, residence proofs, authorisation
// letters and the provinces' extra documents, by filing type.
func (c *checker) requiredMaterials() []need {
	a := c.app
	s := a.Subject
	var out []need
	ft := a.FilingType
	subjectDocs := slices.Contains(subjectTypes, ft)
	siteDocs := slices.Contains(siteTypes, ft)
	if subjectDocs && c.unit() {
		k := material.UnitCertificate
		if s.Certificate.Type == subject.BusinessLicense {
			k = material.BusinessLicense
		}
		out = append(out, need{k, "subject", "TC-materials"})
	}
	idImages := func(t subject.DocType) []material.Kind {
		switch t {
		case subject.ResidentIDCard:
			return []material.Kind{material.IDCardFront, material.IDCardBack}
		case subject.HKMacauPermit:
			return []material.Kind{material.HKMacauPermitFront, material.HKMacauPermitBack}
		case subject.TaiwanPermit:
			return []material.Kind{material.TaiwanPermitFront, material.TaiwanPermitBack}
		case subject.Passport:
			return []material.Kind{material.PassportPage}
		case subject.ResidencePermitHMT:
			return []material.Kind{material.ResidencePermit}
		}
		return nil
	}
	if subjectDocs {
		for _, k := range idImages(s.Owner.Document.Type) {
			out = append(out, need{k, "subject.owner", "TC-materials"})
		}
	}
	total := 0
	for _, st := range a.Sites {
		total += len(st.Domains)
	}
	dc, _ := c.r.DomainCertificate.Get()
	// From a number of domains a province wants every domain certificate
	// (河南 counts this filing's domains, 陕西 all the subject's).
	minDomains, hasMin := c.r.DomainCertificateMinDomains.Get()
	individual := s.Kind == subject.Individual
	for i, st := range a.Sites {
		if !siteDocs {
			break
		}
		sp := index("sites", i)
		if !(subjectDocs && s.Owner.SamePerson(st.Manager)) {
			for _, k := range idImages(st.Manager.Document.Type) {
				out = append(out, need{k, sp + ".manager", "TC-materials"})
			}
		}
		switch {
		case len(st.Domains) == 0:
		case dc.Contains("always") || dc.Contains("individual") && individual || dc.Contains("five_or_more_domains") && total >= 5:
			out = append(out, need{material.DomainCertificate, sp, c.r.DomainCertificate.Source()})
		case hasMin && total >= minDomains:
			out = append(out, need{material.DomainCertificate, sp, c.r.DomainCertificateMinDomains.Source()})
		}
		if days, ok := c.r.VerificationPhotoMaxDays.Get(); ok && days > 0 {
			out = append(out, need{material.VerificationPhoto, sp + ".manager", c.r.VerificationPhotoMaxDays.Source()})
		}
		legalRep := st.Manager.LegalRepresentative || s.Owner.LegalRepresentative && s.Owner.SamePerson(st.Manager)
		if v, ok := c.r.ManagerAuthorization.Get(); ok && v && c.unit() && !legalRep {
			out = append(out, need{material.AuthorizationLetter, sp + ".manager", c.r.ManagerAuthorization.Source()})
		}
		if st.NotInvolved && len(c.cfg.preapp.Scan(st.Name+" "+st.Description+" "+s.BusinessScope)) > 0 {
			out = append(out, need{material.CommitmentLetter, sp, "TC-site; HW-mat doc_0257"})
		}
	}
	if subjectDocs && c.unit() && !s.Owner.LegalRepresentative {
		if v, ok := c.r.OwnerMustBeLegalRep.Get(); ok && !v {
			out = append(out, need{material.AuthorizationLetter, "subject.owner", "TC-materials; TC-subj"})
		}
	}
	if individual && subjectDocs {
		if p, ok := c.ownerIDProvince(); ok && p != a.Province {
			if v, ok := c.r.NonLocalIndividuals.Get(); ok && v == province.NonLocalWithProof {
				out = append(out, need{material.ResidenceProof, "subject.owner", c.r.NonLocalIndividuals.Source()})
			}
		}
	}
	if siteDocs && c.unit() {
		if extra, ok := c.r.ExtraDocumentsUnit.Get(); ok {
			for tok := range extra.All() {
				switch tok {
				case "filing_commitment":
					out = append(out, need{material.FilingCommitment, "", c.r.ExtraDocumentsUnit.Source()})
				case "finance_commitment":
					// Only a unit in internet finance (a finance pre-approval hit).
					if c.financeHit() {
						out = append(out, need{material.FinanceCommitment, "", c.r.ExtraDocumentsUnit.Source()})
					}
				}
			}
		}
	}
	if siteDocs {
		if extra, ok := c.r.ExtraDocuments.Get(); ok {
			newSites := ft == FirstFiling || ft == NewSite || ft == NewSiteNoSubject
			for tok := range extra.All() {
				var k material.Kind
				switch tok {
				case "truthfulness_notice":
					k = material.TruthfulnessNotice
				case "truthfulness_commitment":
					k = material.TruthfulnessCommitment
				case "commitment_video":
					k = material.CommitmentVideo
				case "filing_commitment":
					k = material.FilingCommitment
				case "party_building_letter":
					// New sites, and access filings of records approved in 2019
					// or later (TC-P-新疆).
					if !newSites && !c.recordSince(2019) {
						continue
					}
					k = material.PartyBuildingLetter
				default:
					continue // a token this version does not know
				}
				out = append(out, need{k, "", c.r.ExtraDocuments.Source()})
			}
		}
		if ft == FirstFiling || ft == NewSite || ft == NewSiteNoSubject {
			if ok, _ := sitePlanRequired(c.r, individual, c.existingServices()+len(a.Sites)); ok {
				src := c.r.PlanThresholdUnitSites.Source()
				if individual {
					src = c.r.PlanThresholdIndividualSites.Source()
				}
				out = append(out, need{material.SitePlan, "", src})
			}
		}
	}
	return out
}

func ruleMaterials(c *checker) {
	a := c.app
	needs := c.requiredMaterials()
	used := make([]bool, len(a.Materials))
	// Materials with an explicit owner first, then unassigned ones.
	satisfied := make([]bool, len(needs))
	for pass := 0; pass < 2; pass++ {
		for ni, n := range needs {
			if satisfied[ni] {
				continue
			}
			for mi, m := range a.Materials {
				if used[mi] || m.Kind != n.kind {
					continue
				}
				if pass == 0 && m.For == n.for_ || pass == 1 && m.For == "" {
					used[mi], satisfied[ni] = true, true
					break
				}
			}
		}
	}
	for ni, n := range needs {
		if satisfied[ni] {
			continue
		}
		forLabel := n.for_
		if forLabel == "" {
			forLabel = "-"
		}
		c.add("material.missing", SeverityError, "materials", n.source, "kind", n.kind.String(), "for", forLabel)
	}
	for i, m := range a.Materials {
		f := index("materials", i)
		if m.For != "" && !c.pathExists(m.For) {
			c.add("material.unknown_for", SeverityWarning, f+".for", "icpkit input", "for", norm.Clip(m.For, 60))
		}
		if !m.IssuedOn.IsZero() {
			age := m.IssuedOn.DaysUntil(c.today)
			switch m.Kind {
			case material.AuthorizationLetter:
				if v, ok := c.r.AuthorizationMaxDays.Get(); ok && age > v {
					c.add("material.letter_old", SeverityError, f+".issued_on", c.r.AuthorizationMaxDays.Source(), "days", strconv.Itoa(age), "max", strconv.Itoa(v))
				}
			case material.VerificationPhoto:
				if v, ok := c.r.VerificationPhotoMaxDays.Get(); ok && age > v {
					c.add("material.photo_old", SeverityError, f+".issued_on", c.r.VerificationPhotoMaxDays.Source(), "days", strconv.Itoa(age), "max", strconv.Itoa(v))
				}
			case material.DomainCertificate:
				if v, ok := c.r.DomainCertificateMaxDays.Get(); ok && age > v {
					c.add("material.certificate_old", SeverityError, f+".issued_on", c.r.DomainCertificateMaxDays.Source(), "days", strconv.Itoa(age), "max", strconv.Itoa(v))
				}
			}
		}
	}
	c.inspectMaterials()
}

func (c *checker) inspectMaterials() {
	a := c.app
	if len(a.Materials) == 0 {
		return
	}
	if c.cfg.Opener == nil {
		c.add("material.not_inspected", SeverityInfo, "materials", "icpkit input")
		return
	}
	for i, m := range a.Materials {
		f := index("materials", i)
		rc, err := c.cfg.Opener(m.Path)
		if err != nil {
			// Only the kind of failure is reported: the error's text may
			// name the file, and a file name may hold an ID or a mobile.
			c.add("material.unreadable", SeverityError, f+".path", "icpkit input", "part", ioProblem(err))
			continue
		}
		if rc == nil {
			c.add("material.no_file", SeverityError, f+".path", "icpkit input")
			continue
		}
		spec := c.cfg.profile.Materials.Spec(m.Kind)
		info, err := material.Inspect(rc, material.MaxRead(MaxMaterialBytes))
		rc.Close()
		if errors.Is(err, material.ErrTooLarge) {
			c.add("material.read_limit", SeverityError, f+".path", "icpkit input bound", "max", strconv.Itoa(MaxMaterialBytes))
			continue
		}
		if err != nil {
			c.add("material.unreadable", SeverityError, f+".path", "icpkit input", "part", ioProblem(err))
			continue
		}
		for _, p := range spec.Check(info) {
			sev := SeverityError
			if p.Warning {
				sev = SeverityWarning
			}
			kv := make([]string, 0, 2*len(p.Params))
			for k, v := range p.Params {
				kv = append(kv, k, v)
			}
			c.add(p.Code, sev, f+".path", spec.Source, kv...)
		}
	}
}

// pathExists reports whether a JSON path of a person or site names
// something in the application.
func (c *checker) pathExists(p string) bool {
	switch p {
	case "subject", "subject.owner":
		return true
	}
	for i := range c.app.Sites {
		sp := index("sites", i)
		if p == sp || p == sp+".manager" {
			return true
		}
	}
	return strings.HasPrefix(p, "materials[")
}

// financeHit reports whether the subject's business scope or a site's name
// or description holds a finance pre-approval keyword.
func (c *checker) financeHit() bool {
	texts := []string{c.app.Subject.BusinessScope}
	for _, st := range c.app.Sites {
		texts = append(texts, st.Name, st.Description)
	}
	return content.HasCategory(c.cfg.preapp.Scan(strings.Join(texts, " ")), "finance")
}

// recordSince reports whether the subject's filing, or one of the
// application's filed sites, was approved in year or later, as the
// number's serial tells (10-digit serials start with the year).
func (c *checker) recordSince(year int) bool {
	if y, ok := c.app.Subject.Number.Year(); ok && y >= year {
		return true
	}
	for _, st := range c.app.Sites {
		if y, ok := st.Number.Year(); ok && y >= year {
			return true
		}
	}
	return false
}
