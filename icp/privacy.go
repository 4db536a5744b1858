package icp

import (
	"log/slog"
	"slices"

	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/subject"
)

// Masked returns a copy of s for display, its personal fields masked as in
// [subject.Subject.Masked]: an individual's name, address and documents,
// every person's contacts. A unit's name and credit code are public and
// kept. The decoders refuse the result, so it cannot be stored back.
func (s ApplicationSubject) Masked() ApplicationSubject {
	s.Subject = s.Subject.Masked()
	s.BusinessScope = norm.MaskPersonalNumbers(s.BusinessScope)
	return s
}

// LogValue implements [slog.LogValuer]: the subject, masked.
func (s ApplicationSubject) LogValue() slog.Value {
	return slog.AnyValue(applicationSubjectView(s.Masked()))
}

// Masked returns a copy of st for display: the site manager masked, and
// the domain holder when individual is true (an individual's name).
func (st Site) Masked(individual bool) Site {
	st.Manager = st.Manager.Masked()
	if individual {
		st.DomainHolder = subject.Mask(st.DomainHolder)
	}
	st.Description = norm.MaskPersonalNumbers(st.Description)
	return st
}

// LogValue implements [slog.LogValuer]: the site with its manager masked.
// Not knowing the subject, it masks the domain holder too.
func (st Site) LogValue() slog.Value { return slog.AnyValue(siteView(st.Masked(true))) }

// Masked returns a copy of a for display, every personal field masked (see
// [ApplicationSubject.Masked] and [Site.Masked]). Storage encodings of a
// itself keep the full values; a panel marshals a.Masked() to show an
// application, and the decoders refuse it back.
func (a Application) Masked() Application {
	a.Subject = a.Subject.Masked()
	individual := a.Subject.Kind == subject.Individual
	a.Sites = slices.Clone(a.Sites)
	for i := range a.Sites {
		a.Sites[i] = a.Sites[i].Masked(individual)
	}
	a.Remark = norm.MaskPersonalNumbers(a.Remark)
	return a
}

// LogValue implements [slog.LogValuer], so that a structured log never
// holds an application's personal data in full.
func (a Application) LogValue() slog.Value { return slog.AnyValue(applicationView(a.Masked())) }

// The views have the fields of their types and none of the methods, so
// that a logged value is not asked for its LogValue again.
type (
	applicationView        Application
	applicationSubjectView ApplicationSubject
	siteView               Site
)
