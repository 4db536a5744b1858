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

// The display names of the tokens are data (internal/catalog/data/names.tsv),
// but for the vocabularies whose names live with their types: filing types
// here, subject kinds and document types in package subject, provinces in
// package province.
func init() {
	var ft []catalog.Name
	for t := FirstFiling; t <= numFilingTypes; t++ {
		ft = append(ft, catalog.Name{Token: t.String(), Zh: t.NameZh(), En: t.NameEn()})
	}
	catalog.RegisterNames(namesFilingType, ft...)
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
	var pv []catalog.Name
	for _, p := range province.All() {
		pv = append(pv, catalog.Name{Token: p.String(), Zh: p.Name(), En: p.EnglishName()})
	}
	catalog.RegisterNames(namesProvince, pv...)
}

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
