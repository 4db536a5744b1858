package refile

import (
	"log/slog"
	"slices"

	"github.com/icpkit/icpkit/subject"
)

// Masked returns a copy of s for display: an individual's name and
// address and every person's documents and contacts masked; a unit's name
// and credit code are public and kept.
func (s DeploymentSubject) Masked() DeploymentSubject {
	if s.Kind == subject.Individual {
		s.Name = subject.Mask(s.Name)
		s.Address = subject.Mask(s.Address)
	}
	s.Certificate = s.Certificate.Masked()
	s.Owner = s.Owner.Masked()
	return s
}

// LogValue implements [slog.LogValuer]: the subject, masked.
func (s DeploymentSubject) LogValue() slog.Value {
	return slog.AnyValue(deploymentSubjectView(s.Masked()))
}

// Masked returns a copy of st for display, its manager masked, and the
// domain holder when individual is true.
func (st DeployedSite) Masked(individual bool) DeployedSite {
	st.Manager = st.Manager.Masked()
	if individual {
		st.DomainHolder = subject.Mask(st.DomainHolder)
	}
	return st
}

// LogValue implements [slog.LogValuer]: the site with its manager (and,
// not knowing the subject, its domain holder) masked.
func (st DeployedSite) LogValue() slog.Value { return slog.AnyValue(deployedSiteView(st.Masked(true))) }

// Masked returns a copy of d for display, every personal field masked.
// Storage encodings of d itself keep the full values, so that
// Plan(d, decode(encode(d))) needs nothing.
func (d Deployment) Masked() Deployment {
	d.Subject = d.Subject.Masked()
	individual := d.Subject.Kind == subject.Individual
	d.Sites = slices.Clone(d.Sites)
	for i := range d.Sites {
		d.Sites[i] = d.Sites[i].Masked(individual)
	}
	return d
}

// LogValue implements [slog.LogValuer], so that a structured log never
// holds a deployment's personal data in full.
func (d Deployment) LogValue() slog.Value { return slog.AnyValue(deploymentView(d.Masked())) }

// Views without methods, so that a logged value is not asked for its
// LogValue again.
type (
	deploymentView        Deployment
	deploymentSubjectView DeploymentSubject
	deployedSiteView      DeployedSite
)
