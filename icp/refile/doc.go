// Package refile tells which filings a change of hosting or of a filed
// subject needs.
//
// # The domain
//
// A filing records who runs which sites and where they are hosted: the
// subject, its sites and their domains, and for each site the access
// providers (接入商) that serve it. When any of that changes, the record
// must follow, but not every change is a new filing. Moving a site to
// another access provider needs a new access filing there (新增接入) and a
// cancellation at the old one, while the number stays; an IP change at
// the same provider needs nothing in most provinces; a new domain is a new
// site; another legal entity needs a site migration; a subject that moves
// province files anew. Several orders cannot run at once, and who must pass
// the MIIT SMS verification depends on what changed.
//
// # What is here
//
// A [Deployment] is what a subject has filed and where it is hosted;
// [DecodeDeployment] reads one from JSON strictly. [Plan] compares a
// deployment before and after a change and returns a [Result]: the
// [Action] values in order, each with its [Reason] and sources, the people
// who verify by SMS, notes where sources disagree, and findings about
// invalid input. Options are [icp.Option] values ([icp.At],
// [icp.WithRules], [icp.WithLanguage]).
package refile
