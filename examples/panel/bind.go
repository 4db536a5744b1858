package main

// The /bind page: a customer binds a domain to a filed site. The form is
// validated with validator/v10 plus icpkit's tags and Chinese messages, the
// way a Gin handler binds it; the page shows the filing check of the bound
// domain and the footer snippet to paste.

import (
	"errors"
	"fmt"
	"html/template"
	"log"
	"net/http"
	"reflect"
	"strings"

	"github.com/go-playground/locales/zh"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	zhtrans "github.com/go-playground/validator/v10/translations/zh"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/domain"
)

// bindForm is the form, bound and validated the way Gin does it (the
// "binding" tag).
type bindForm struct {
	Domain  string `form:"domain" binding:"required,icp_domain"`
	Number  string `form:"number" binding:"required,icp_site_number"`
	Police  string `form:"police" binding:"omitempty,psb_number"`
	Company string `form:"company" binding:"max=100"`
}

type finding struct {
	Severity string
	Message  string
}

type page struct {
	Form     bindForm
	Posted   bool
	Findings []finding
	Snippet  template.HTML
	Code     string
}

type handler struct {
	v     *validator.Validate
	trans ut.Translator
}

func newHandler() (*handler, error) {
	v := validator.New()
	v.SetTagName("binding")
	zhT := zh.New()
	trans, _ := ut.New(zhT, zhT).GetTranslator("zh")
	if err := zhtrans.RegisterDefaultTranslations(v, trans); err != nil {
		return nil, err
	}
	if err := icp.RegisterValidations(v); err != nil {
		return nil, err
	}
	if err := icp.RegisterTranslations(v, trans); err != nil {
		return nil, err
	}
	// Field names in messages: the form's labels.
	labels := map[string]string{"Domain": "域名", "Number": "网站备案号", "Police": "公安备案号", "Company": "公司名称"}
	v.RegisterTagNameFunc(func(fld reflect.StructField) string {
		if l, ok := labels[fld.Name]; ok {
			return l
		}
		return fld.Name
	})
	return &handler{v: v, trans: trans}, nil
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var p page
	switch r.Method {
	case http.MethodGet:
	case http.MethodPost:
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		p.Posted = true
		p.Form = bindForm{
			Domain:  strings.TrimSpace(r.PostFormValue("domain")),
			Number:  strings.TrimSpace(r.PostFormValue("number")),
			Police:  strings.TrimSpace(r.PostFormValue("police")),
			Company: strings.TrimSpace(r.PostFormValue("company")),
		}
		h.check(&p)
	default:
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := tmpl.Execute(w, p); err != nil {
		log.Print(err)
	}
}

func (h *handler) check(p *page) {
	err := h.v.Struct(p.Form)
	var ves validator.ValidationErrors
	if errors.As(err, &ves) {
		for _, fe := range ves {
			p.Findings = append(p.Findings, finding{"error", fe.Translate(h.trans)})
		}
		return
	}
	n := icp.MustParseNumber(p.Form.Number)
	reg, _ := domain.RegistrableDomain(p.Form.Domain)
	suffix, _ := domain.PublicSuffixOf(reg)
	rules := n.Province().Rules()
	if ok, src := domain.DefaultTLDs().Fileable(suffix, rules); !ok {
		p.Findings = append(p.Findings, finding{"error", fmt.Sprintf("域名后缀 .%s 不能在%s备案（%s）", domain.Display(suffix), n.Province().Name(), src)})
	}
	if host := strings.ToLower(strings.TrimSuffix(p.Form.Domain, ".")); domain.GovSubdomain(host) {
		p.Findings = append(p.Findings, finding{"error", host + " 是 gov.cn 下的子域名，需要单独备案"})
	} else if reg != host {
		p.Findings = append(p.Findings, finding{"info", fmt.Sprintf("%s 由主域名 %s 的备案覆盖", host, domain.Display(reg))})
	}
	p.Findings = append(p.Findings, finding{"info", fmt.Sprintf("请确认 %s 已在 %s 名下备案，并在接入商完成接入", domain.Display(reg), n)})
	f := icp.Footer{ICP: n, Company: p.Form.Company}
	if p.Form.Police != "" {
		f.Police = icp.MustParseNumber(p.Form.Police)
	}
	for _, x := range f.Check().Findings {
		sev := "warning"
		if x.Severity == icp.SeverityError {
			sev = "error"
		}
		p.Findings = append(p.Findings, finding{sev, x.Message})
	}
	if snippet, err := f.HTML(); err == nil {
		p.Snippet = snippet
		p.Code = string(snippet)
	}
	if rules.FooterSubjectNumber.Value() {
		p.Findings = append(p.Findings, finding{"info", "本省页脚展示主体备案号（" + rules.FooterSubjectNumber.Source() + "，待核实）"})
	}
}

var tmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>绑定域名</title>
<style>body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:44em;margin:2em auto}label{display:block;margin:.6em 0}
input{width:100%;padding:.3em}.error{color:#b00}.warning{color:#a60}.info{color:#555}pre{background:#f4f4f4;padding:.6em;white-space:pre-wrap}</style>
</head><body>
<h1>绑定域名到已备案网站</h1>
<form method="post" action="/bind">
<label>域名 <input name="domain" value="{{.Form.Domain}}" placeholder="www.example.com"></label>
<label>网站备案号 <input name="number" value="{{.Form.Number}}" placeholder="浙ICP备2021000001号-1"></label>
<label>公安备案号（可选） <input name="police" value="{{.Form.Police}}" placeholder="浙公网安备33010602011771号"></label>
<label>公司名称（可选） <input name="company" value="{{.Form.Company}}"></label>
<button type="submit">检查</button>
</form>
{{if .Posted}}
<h2>检查结果</h2>
<ul id="findings">{{range .Findings}}<li class="finding {{.Severity}}">{{.Message}}</li>{{else}}<li class="finding ok">没有发现问题</li>{{end}}</ul>
{{if .Snippet}}<h2>页脚代码</h2>
<div id="preview">{{.Snippet}}</div>
<pre id="snippet">{{.Code}}</pre>{{end}}
{{end}}
</body></html>
`))
