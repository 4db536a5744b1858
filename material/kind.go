package material

import "fmt"

// Kind is the kind of a filing material. The zero Kind is invalid.
type Kind uint8

// Material kinds. The JSON tokens are given in brackets.
const (
	IDCardFront            Kind = iota + 1 // 身份证人像面 [id_card_front]
	IDCardBack                             // 身份证国徽面 [id_card_back]
	HKMacauPermitFront                     // 港澳通行证正面 [hk_macau_permit_front]
	HKMacauPermitBack                      // 港澳通行证背面 [hk_macau_permit_back]
	TaiwanPermitFront                      // 台胞证正面 [taiwan_permit_front]
	TaiwanPermitBack                       // 台胞证背面 [taiwan_permit_back]
	PassportPage                           // 护照个人资料页 [passport_page]
	ResidencePermit                        // 港澳台居民居住证 [residence_permit]
	ResidenceProof                         // 居住证明 of a non-local individual [residence_proof]
	BusinessLicense                        // 营业执照 [business_license]
	UnitCertificate                        // other unit certificates [unit_certificate]
	DomainCertificate                      // 域名证书 [domain_certificate]
	AuthorizationLetter                    // 授权书 [authorization_letter]
	RenameLetter                           // 工商更名函 [rename_letter]
	CommitmentLetter                       // 承诺书 (不涉及前置审批 and others) [commitment_letter]
	TruthfulnessNotice                     // 真实性责任告知书 (Jiangsu) [truthfulness_notice]
	TruthfulnessCommitment                 // 真实性承诺书 (Jiangsu) [truthfulness_commitment]
	CommitmentVideo                        // video holding the signed 承诺书 (Jiangsu) [commitment_video]
	FilingCommitment                       // 互联网信息服务备案承诺书 (Guangdong, Shanghai) [filing_commitment]
	PartyBuildingLetter                    // 网站党建备案信息确认函 (Xinjiang) [party_building_letter]
	SitePlan                               // 网站建设方案书 [site_plan]
	FinanceCommitment                      // 承诺书 of a unit in internet finance (Guangdong) [finance_commitment]
	VerificationPhoto                      // 当面核验照片 of the site manager (Shaanxi) [verification_photo]
	AppIcon                                // App icon [app_icon]
	Other                                  // anything else [other]
	numKinds               = Other
)

// Size is a physical size in millimetres, long side first.
type Size struct{ Long, Short float64 }

// Physical sizes. ID-1 is the ISO/IEC 7810 card size of ID cards and the
// card-style travel permits; ID-3 the passport page; A4 the paper of
// letters, plans and (as an approximation, UNCERTAIN) licence copies.
var (
	ID1 = Size{85.60, 53.98}
	ID3 = Size{125, 88}
	A4  = Size{297, 210}
)

type kindInfo struct {
	token, zh string
	size      Size
	colour    bool // a colour original is required
	image     bool // an image upload (false: video)
}

// Colour requirements: Tencent (TC-upload, TC-materials) and Huawei (HW-mat)
// require colour scans or photos of originals for identity documents and
// certificates; Zhejiang requires colour scans of everything (TC-P-浙江).
var kinds = [numKinds + 1]kindInfo{
	{},
	{"id_card_front", "身份证人像面", ID1, true, true},
	{"id_card_back", "身份证国徽面", ID1, true, true},
	{"hk_macau_permit_front", "港澳居民来往内地通行证正面", ID1, true, true},
	{"hk_macau_permit_back", "港澳居民来往内地通行证背面", ID1, true, true},
	{"taiwan_permit_front", "台湾居民来往大陆通行证正面", ID1, true, true},
	{"taiwan_permit_back", "台湾居民来往大陆通行证背面", ID1, true, true},
	{"passport_page", "护照个人资料页", ID3, true, true},
	{"residence_permit", "港澳台居民居住证", ID1, true, true},
	{"residence_proof", "居住证明", Size{}, true, true},
	{"business_license", "营业执照", A4, true, true},
	{"unit_certificate", "单位证件", A4, true, true},
	{"domain_certificate", "域名证书", Size{}, false, true},
	{"authorization_letter", "授权书", A4, false, true},
	{"rename_letter", "工商更名函", A4, false, true},
	{"commitment_letter", "承诺书", A4, false, true},
	{"truthfulness_notice", "网站备案信息真实性责任告知书", A4, false, true},
	{"truthfulness_commitment", "真实性承诺书", A4, false, true},
	{"commitment_video", "承诺书视频", Size{}, false, false},
	{"filing_commitment", "互联网信息服务备案承诺书", A4, false, true},
	{"party_building_letter", "网站党建备案信息确认函", A4, false, true},
	{"site_plan", "网站建设方案书", A4, false, true},
	{"finance_commitment", "金融类承诺书", A4, false, true},
	{"verification_photo", "当面核验照片", Size{}, true, true},
	{"app_icon", "App图标", Size{}, false, true},
	{"other", "其他材料", Size{}, false, true},
}

// Kinds returns every valid Kind.
func Kinds() []Kind {
	out := make([]Kind, numKinds)
	for i := range out {
		out[i] = Kind(i + 1)
	}
	return out
}

// IsValid reports whether k is a defined kind.
func (k Kind) IsValid() bool { return k >= IDCardFront && k <= numKinds }

func (k Kind) info() *kindInfo {
	if !k.IsValid() {
		return &kinds[0]
	}
	return &kinds[k]
}

// NameZh returns the Chinese name.
func (k Kind) NameZh() string { return k.info().zh }

// PhysicalSize returns the standard physical size of the original, and
// false where there is none (screenshots, icons, proofs of varying form).
func (k Kind) PhysicalSize() (Size, bool) { s := k.info().size; return s, s.Long > 0 }

// ColourRequired reports whether a colour scan or photo of the original is
// required.
func (k Kind) ColourRequired() bool { return k.info().colour }

// IsImage reports whether the material is an image upload (the commitment
// video is not).
func (k Kind) IsImage() bool { return k.info().image }

// String returns the snake_case JSON token.
func (k Kind) String() string {
	if !k.IsValid() {
		return fmt.Sprintf("Kind(%d)", uint8(k))
	}
	return k.info().token
}

// ParseKind returns the Kind of a snake_case token.
func ParseKind(s string) (Kind, error) {
	for i := IDCardFront; i <= numKinds; i++ {
		if kinds[i].token == s {
			return i, nil
		}
	}
	return 0, fmt.Errorf("material: unknown kind %q", clip(s))
}

// MarshalText implements [encoding.TextMarshaler]. The zero Kind (not
// set) encodes as the empty string, as subject.Kind does, so that a struct
// with an unset Kind can be encoded; any other invalid Kind is an error.
func (k Kind) MarshalText() ([]byte, error) {
	if k == 0 {
		return []byte{}, nil
	}
	if !k.IsValid() {
		return nil, fmt.Errorf("material: invalid Kind %d", uint8(k))
	}
	return []byte(k.info().token), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. The empty string
// decodes to the zero Kind, so that what MarshalText writes reads back;
// [ParseKind] still refuses it.
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

func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	i := 40
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "…"
}
