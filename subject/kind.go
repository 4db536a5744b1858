package subject

import (
	"fmt"
	"slices"
)

// Kind is the nature of a filing subject (主体性质). The zero Kind is invalid.
type Kind uint8

// The subject kinds (reference/domain.md §4.1). ForeignRepresentative files
// with a 外国（地区）企业常驻代表机构登记证; Shanghai has such offices choose
// Enterprise with an organisation-code certificate.
const (
	Enterprise            Kind = iota + 1 // 企业
	IndividualBusiness                    // 个体工商户
	Government                            // 政府机关
	Institution                           // 事业单位
	SocialOrganization                    // 社会团体
	PrivateNonEnterprise                  // 民办非企业单位
	Foundation                            // 基金会
	LawFirm                               // 律师执业机构
	Military                              // 国防机构 / 部队
	ForeignRepresentative                 // 外国企业常驻代表机构
	Individual                            // 个人
	numKinds              = Individual
)

type kindInfo struct {
	token, zh, en string
	miit          int // MIIT subject-type id, 0 when unknown
	certs         []DocType
}

// Accepted certificates per kind: TC-materials, WX-certtypes, TC-P-山东
// (law firms may use the new USCC certificate), HW-cond (foreign firms).
var kinds = [numKinds + 1]kindInfo{
	{},
	{"enterprise", "企业", "enterprise", 4, []DocType{BusinessLicense}},
	{"individual_business", "个体工商户", "individual business", 4, []DocType{BusinessLicense}},
	{"government", "政府机关", "government body", 2, []DocType{CreditCodeCertificate, OrganizationCodeCertificate}},
	{"institution", "事业单位", "public institution", 3, []DocType{InstitutionCertificate, CreditCodeCertificate, OrganizationCodeCertificate}},
	{"social_organization", "社会团体", "social organisation", 0, []DocType{SocialOrganizationCertificate, CreditCodeCertificate, OrganizationCodeCertificate}},
	{"private_non_enterprise", "民办非企业单位", "private non-enterprise unit", 0, []DocType{PrivateNonEnterpriseCertificate, CreditCodeCertificate, OrganizationCodeCertificate}},
	{"foundation", "基金会", "foundation", 0, []DocType{FoundationCertificate, CreditCodeCertificate, OrganizationCodeCertificate}},
	{"law_firm", "律师执业机构", "law firm", 0, []DocType{LawFirmLicense, CreditCodeCertificate, OrganizationCodeCertificate}},
	{"military", "国防机构", "military unit", 1, []DocType{MilitaryCode}},
	{"foreign_representative", "外国企业常驻代表机构", "foreign enterprise representative office", 0, []DocType{ForeignRepresentativeCertificate, OrganizationCodeCertificate}},
	{"individual", "个人", "individual", 5, []DocType{ResidentIDCard, ResidencePermitHMT, HKMacauPermit, TaiwanPermit, Passport, ForeignPermanentResidentID}},
}

// Kinds returns every valid Kind.
func Kinds() []Kind {
	out := make([]Kind, numKinds)
	for i := range out {
		out[i] = Kind(i + 1)
	}
	return out
}

// IsValid reports whether k is one of the defined kinds.
func (k Kind) IsValid() bool { return k >= Enterprise && k <= numKinds }

// IsUnit reports whether k is a unit (单位), that is anything but Individual.
func (k Kind) IsUnit() bool { return k.IsValid() && k != Individual }

// NameZh returns the Chinese name (企业).
func (k Kind) NameZh() string { return k.info().zh }

// NameEn returns the English name.
func (k Kind) NameEn() string { return k.info().en }

// MIITTypeID returns the MIIT subject-type id where known (WX-types: 1
// 国防机构, 2 政府机关, 3 事业单位, 4 企业, 5 个人), and 0 otherwise. The
// WeChat API that exposes them warns that ids must not be hard-coded.
func (k Kind) MIITTypeID() int { return k.info().miit }

// Certificates returns the certificate types that k may file with, most
// usual first. Individuals file with an identity document. The result is a
// new slice.
func (k Kind) Certificates() []DocType { return slices.Clone(k.info().certs) }

// Accepts reports whether k may file with a certificate of type t.
func (k Kind) Accepts(t DocType) bool { return slices.Contains(k.info().certs, t) }

func (k Kind) info() *kindInfo {
	if !k.IsValid() {
		return &kinds[0]
	}
	return &kinds[k]
}

// String returns the snake_case token used in JSON ("enterprise").
func (k Kind) String() string {
	if !k.IsValid() {
		return fmt.Sprintf("Kind(%d)", uint8(k))
	}
	return k.info().token
}

// MarshalText implements [encoding.TextMarshaler] (see [Kind.AppendText]).
func (k Kind) MarshalText() ([]byte, error) { return k.AppendText([]byte{}) }

// UnmarshalText implements [encoding.TextUnmarshaler] for the snake_case
// tokens and the Chinese names; empty text gives the zero Kind, which
// [Kind.MarshalText] writes.
func (k *Kind) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*k = 0
		return nil
	}
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// ParseKind returns the Kind named by its snake_case token or Chinese name.
func ParseKind(s string) (Kind, error) {
	for i := Enterprise; i <= numKinds; i++ {
		if kinds[i].token == s || kinds[i].zh == s {
			return i, nil
		}
	}
	return 0, &ParseError{Func: "ParseKind", Input: echo(s), Part: "kind", Err: ErrComponent}
}

// DocType is the type of a certificate or identity document. The zero
// DocType is invalid.
type DocType uint8

// Certificate and identity-document types (reference/domain.md §4.1–§4.2).
const (
	BusinessLicense                  DocType = iota + 1 // 营业执照
	CreditCodeCertificate                               // 统一社会信用代码证书
	OrganizationCodeCertificate                         // 组织机构代码证
	InstitutionCertificate                              // 事业单位法人证书
	SocialOrganizationCertificate                       // 社会团体法人登记证书
	PrivateNonEnterpriseCertificate                     // 民办非企业单位登记证书
	FoundationCertificate                               // 基金会法人登记证书
	LawFirmLicense                                      // 律师事务所执业许可证
	ForeignRepresentativeCertificate                    // 外国（地区）企业常驻代表机构登记证
	MilitaryCode                                        // 部队代码
	ResidentIDCard                                      // 居民身份证
	Passport                                            // 护照
	HKMacauPermit                                       // 港澳居民来往内地通行证
	TaiwanPermit                                        // 台湾居民来往大陆通行证
	ResidencePermitHMT                                  // 港澳台居民居住证
	ForeignPermanentResidentID                          // 外国人永久居留身份证
	numDocTypes                      = ForeignPermanentResidentID
)

var docTypes = [numDocTypes + 1][3]string{
	{},
	{"business_license", "营业执照", "business licence"},
	{"credit_code_certificate", "统一社会信用代码证书", "unified social credit code certificate"},
	{"organization_code_certificate", "组织机构代码证", "organisation code certificate"},
	{"institution_certificate", "事业单位法人证书", "public institution legal person certificate"},
	{"social_organization_certificate", "社会团体法人登记证书", "social organisation registration certificate"},
	{"private_non_enterprise_certificate", "民办非企业单位登记证书", "private non-enterprise unit registration certificate"},
	{"foundation_certificate", "基金会法人登记证书", "foundation registration certificate"},
	{"law_firm_license", "律师事务所执业许可证", "law firm practice licence"},
	{"foreign_representative_certificate", "外国（地区）企业常驻代表机构登记证", "foreign enterprise representative office registration certificate"},
	{"military_code", "部队代码", "military unit code"},
	{"resident_id", "居民身份证", "resident identity card"},
	{"passport", "护照", "passport"},
	{"hk_macau_permit", "港澳居民来往内地通行证", "Mainland travel permit for Hong Kong and Macau residents"},
	{"taiwan_permit", "台湾居民来往大陆通行证", "Mainland travel permit for Taiwan residents"},
	{"residence_permit_hmt", "港澳台居民居住证", "residence permit for Hong Kong, Macau and Taiwan residents"},
	{"foreign_permanent_resident_id", "外国人永久居留身份证", "foreign permanent resident ID card"},
}

// DocTypes returns every valid DocType.
func DocTypes() []DocType {
	out := make([]DocType, numDocTypes)
	for i := range out {
		out[i] = DocType(i + 1)
	}
	return out
}

// IsValid reports whether t is one of the defined types.
func (t DocType) IsValid() bool { return t >= BusinessLicense && t <= numDocTypes }

// IsPersonal reports whether t identifies a person rather than a unit.
func (t DocType) IsPersonal() bool { return t >= ResidentIDCard && t <= numDocTypes }

// BearsCreditCode reports whether a certificate of type t carries an
// 18-character unified social credit code.
func (t DocType) BearsCreditCode() bool {
	switch t {
	case BusinessLicense, CreditCodeCertificate, InstitutionCertificate, SocialOrganizationCertificate,
		PrivateNonEnterpriseCertificate, FoundationCertificate, LawFirmLicense:
		return true
	}
	return false
}

// NameZh returns the Chinese name.
func (t DocType) NameZh() string { return t.names()[1] }

// NameEn returns the English name.
func (t DocType) NameEn() string { return t.names()[2] }

func (t DocType) names() *[3]string {
	if !t.IsValid() {
		return &docTypes[0]
	}
	return &docTypes[t]
}

// String returns the snake_case token used in JSON ("resident_id").
func (t DocType) String() string {
	if !t.IsValid() {
		return fmt.Sprintf("DocType(%d)", uint8(t))
	}
	return t.names()[0]
}

// MarshalText implements [encoding.TextMarshaler] (see
// [DocType.AppendText]).
func (t DocType) MarshalText() ([]byte, error) { return t.AppendText([]byte{}) }

// UnmarshalText implements [encoding.TextUnmarshaler] for the snake_case
// tokens and the Chinese names; empty text gives the zero DocType, which
// [DocType.MarshalText] writes.
func (t *DocType) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = 0
		return nil
	}
	v, err := ParseDocType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// ParseDocType returns the DocType named by its snake_case token or Chinese
// name.
func ParseDocType(s string) (DocType, error) {
	for i := BusinessLicense; i <= numDocTypes; i++ {
		if docTypes[i][0] == s || docTypes[i][1] == s {
			return i, nil
		}
	}
	return 0, &ParseError{Func: "ParseDocType", Input: echo(s), Part: "document type", Err: ErrComponent}
}
