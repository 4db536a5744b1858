// Package domain answers the questions a filing asks of a host name: which
// name is filed, and may it be filed at all.
//
// # The domain
//
// A filing covers a registrable domain (example.com.cn), never a
// sub-domain: www.example.com.cn and shop.example.com.cn are served under
// the filing of example.com.cn. The registrable domain is the ICANN public
// suffix plus one label; private suffixes on the Public Suffix List (hosting
// platforms, dynamic DNS) do not count, since the registrant of the parent
// holds the filing. Sub-domains of gov.cn are the exception: each
// government body files its own name under gov.cn. Only suffixes that MIIT
// has approved for filing (the national list, plus each province's
// .xx.cn) can be filed; Beijing keeps a list of its own.
//
// # What is here
//
// [RegistrableDomain], [PublicSuffixOf] and [Parse] take a host in A-label
// or U-label form, any case, and return lower-case A-labels; [Display]
// turns them back into what a person reads. [HostFromURL] takes the host
// out of what users paste. [Covers] tells whether a filed name covers a
// host, [GovSubdomain] whether a host is a gov.cn sub-domain.
// [TLDTable] is the fileable-suffix list as data
// (icp/domain/data/tlds.tsv, each row with its source and effective
// period); [DefaultTLDs] returns the embedded one and [LoadTLDs] reads a
// replacement. Everything here returns plain values and typed errors
// ([*DomainError], matched against [ErrHost], [ErrIPHost],
// [ErrPublicSuffix]); the findings of package icp are built on top.
package domain
