package icp_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/zh"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp"
)

const sampleApp = `{
  "filing_type": "first_filing", "province": "浙江",
  "subject": {"kind": "enterprise", "name": "杭州示例网络科技有限公司",
    "certificate": {"type": "business_license", "number": "91330106MA2H0K3L7X"},
    "address": "浙江省杭州市西湖区文三路100号5幢301室",
    "owner": {"name": "张三", "document": {"type": "resident_id", "number": "330106198503071230"},
      "mobile": "17001234567", "emergency_phone": "13900139000", "email": "admin@example.com", "legal_representative": true}},
  "sites": [{"name": "示例网络科技官网", "service_type": "website", "domains": ["www.example.com"], "content": [],
    "description": "公司介绍与产品展示",
    "manager": {"name": "张三", "document": {"type": "resident_id", "number": "330106198503071230"},
      "mobile": "17001234567", "emergency_phone": "13900139000", "email": "admin@example.com"},
    "domain_holder": "杭州示例网络科技有限公司", "domain_expires": "2028-01-01",
    "access": {"provider": "aliyun", "ips": ["121.40.10.10"]}}],
  "resource": {"product": "ecs", "billing": "subscription", "months": 12},
  "materials": [{"kind": "business_license", "path": "licence.jpg"}]
}`

func ExampleCheck() {
	app, err := icp.DecodeApplication(strings.NewReader(sampleApp))
	if err != nil {
		fmt.Println(err)
		return
	}
	r := icp.Check(app, icp.At(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)), icp.WithLanguage(language.English))
	fmt.Println("ok:", r.OK())
	for _, f := range r.Errors() {
		fmt.Println(f.Code, f.Field)
	}
	// Output:
	// ok: false
	// subject.certificate_number subject.certificate.number
	// person.document subject.owner.document.number
	// person.document sites[0].manager.document.number
	// domain.subdomain sites[0].domains[0]
	// material.missing materials
	// material.missing materials
}

func ExampleDecodeApplication_errors() {
	_, err := icp.DecodeApplication(strings.NewReader(`{"filing_type": "first_filing", "sites": [{"access": {"ips": ["203.0.113.300"]}}]}`))
	var de *icp.DecodeError
	fmt.Println(errors.As(err, &de), de.Path)
	fmt.Println(errors.Is(err, icp.ErrDecode))
	// Output:
	// true sites[0].access.ips[0]
	// true
}

// A form bound the way Gin binds it: Gin's validator/v10 engine reads the
// "binding" tag.
func ExampleRegisterValidations() {
	v := validator.New()
	v.SetTagName("binding")
	if err := icp.RegisterValidations(v); err != nil {
		fmt.Println(err)
		return
	}
	uni := ut.New(zh.New(), zh.New(), en.New())
	trans, _ := uni.GetTranslator("zh")
	if err := icp.RegisterTranslations(v, trans); err != nil {
		fmt.Println(err)
		return
	}
	type BindDomain struct {
		Domain string `json:"domain" binding:"required,icp_domain"`
		Number string `json:"number" binding:"required,icp_site_number"`
		Mobile string `json:"mobile" binding:"required,cn_mobile_sms"`
	}
	err := v.Struct(BindDomain{Domain: "com.cn", Number: "浙ICP备2021000001号", Mobile: "17001234567"})
	for _, fe := range err.(validator.ValidationErrors) {
		fmt.Println(fe.Translate(trans))
	}
	fmt.Println(v.Struct(BindDomain{Domain: "example.com", Number: "浙ICP备2021000001号-1", Mobile: "13800138000"}))
	// Output:
	// Domain必须是可备案的域名
	// Number必须是网站或App备案号（带 -序号）
	// Mobile必须是能接收工信部核验短信的手机号码（非虚拟运营商）
	// <nil>
}
