package masthead

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestLanguage(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"english masthead", "United Nations A/81/6 (Sect. 25)/Part A* General Assembly Distr.: General", "en"},
		{"english paragraph", "The Office of the United Nations High Commissioner for Refugees is responsible for leading and coordinating international action.", "en"},
		{"chinese with english masthead", "联合国 A/70/6 (Introduction) Distr.: General Original: English 大会第69/17号决议通过了2016-2017两年期方案计划和优先事项。", "zh"},
		{"english with a chinese word", "The Committee noted the term 方案 used in the Chinese edition and recommended that the Assembly approve the programme.", "en"},
		{"french", "Le Comité a pris note des propositions et recommande que l'Assemblée générale approuve les activités du programme.", "fr"},
		{"spanish", "La Comisión tomó nota de los informes y recomienda que la Asamblea General apruebe el programa para el año.", "es"},
		{"russian", "Генеральная Ассамблея постановляет продолжить рассмотрение этого вопроса на своей следующей сессии.", "ru"},
		{"arabic", "إن الجمعية العامة تقرر أن تواصل النظر في هذه المسألة في دورتها المقبلة", "ar"},
		{"japanese", "総会は、この問題の審議を次の会期に継続することを決定する。", "ja"},
		{"too short", "A/81/6", ""},
		{"empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Language(c.text); got != c.want {
				t.Errorf("Language(%q) = %q, want %q", c.text, got, c.want)
			}
		})
	}
}

// TestLanguageOfFixtures reads whole first pages: the English budget
// sections are English although a Chinese reader might assume otherwise,
// and the seed is Chinese although its masthead is partly English.
func TestLanguageOfFixtures(t *testing.T) {
	for file, want := range map[string]string{
		"testdata/real/A_81_6_Sect.25.layout.txt": "en",
		"testdata/real/A_81_6_Sect.24.layout.txt": "en",
		"testdata/real/seed-chromium.layout.txt":  "zh",
	} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if got := Language(string(b)); got != want {
			t.Errorf("%s: Language = %q, want %q", file, got, want)
		}
	}
}

// FuzzParse checks that Parse never panics on any lines and that the
// lines it says it consumed exist, are not blank and increase.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"United Nations A/81/6 (Sect. 25)/Part A*\nGeneral Assembly Distr.: General\n20 February 2026\nEighty-first session\nItems 138 and 139 of the preliminary list\nPart VI\nSection 25\nProgramme 21\nContents",
		"联合国 A/70/6 (Introduction)\n大　会\n第五十五届会议\n临时议程项目3(b)\n第六编\n第一章",
		"S/RES/2250 (2015)\n第2250(2015)号决议\n2015年12月9日安全理事会第7573次会议通过",
		"31 February 2026\n第九十九编\nItems and and of the agenda",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		m := Parse(lines)
		prev := -1
		for _, i := range m.Consumed {
			if i <= prev || i >= len(lines) || strings.TrimSpace(lines[i]) == "" {
				t.Fatalf("bad consumed index %d (prev %d) of %d lines", i, prev, len(lines))
			}
			prev = i
		}
		_ = Language(s)
	})
}

func TestOrdinalsAndDates(t *testing.T) {
	for s, want := range map[string]int{
		"Eighty-first": 81, "Seventieth": 70, "Tenth": 10, "Twenty-second": 22, "Ninety-ninth": 99,
		"First": 1, "Seventy": 0, "Eightieth-first": 0, "Eighty-eleventh": 0, "": 0,
	} {
		if got := englishOrdinal(s); got != want {
			t.Errorf("englishOrdinal(%q) = %d, want %d", s, got, want)
		}
	}
	for s, want := range map[string]string{
		"13 March 2026": "2026-03-13", "2026年3月13日": "2026-03-13", "1 January 2015": "2015-01-01",
		"31 April 2026": "", "2026年13月1日": "", "0 March 2026": "", "13 Mars 2026": "",
	} {
		got, ok := parseDate(s)
		if got != want || ok != (want != "") {
			t.Errorf("parseDate(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
}

// referenceTally is the plain form of tally.add on one text: words split
// with strings.FieldsFunc and lowered with strings.ToLower, scripts told
// by the unicode tables alone.
func referenceTally(text string) tally {
	var t tally
	inLatin := false
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			t.han++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			t.kana++
		case unicode.Is(unicode.Hangul, r):
			t.hangul++
		case unicode.Is(unicode.Cyrillic, r):
			t.cyrillic++
		case unicode.Is(unicode.Arabic, r):
			t.arabic++
		}
		latin := unicode.Is(unicode.Latin, r)
		if latin && !inLatin {
			t.latinWords++
		}
		inLatin = latin
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if code, ok := latinMarkers[strings.ToLower(w)]; ok {
			t.markers[slices.Index(latinOrder[:], code)]++
		}
	}
	return t
}

func checkTally(t *testing.T, text string) {
	t.Helper()
	var got tally
	got.add(text)
	if want := referenceTally(text); got != want {
		t.Fatalf("tally of %q:\n got %+v\nwant %+v", text, got, want)
	}
}

// TestTallyEveryRune checks the fast paths of tally.add against the
// unicode tables for every code point, alone, inside a word and at the
// start of one, and the marker words however they are cased.
func TestTallyEveryRune(t *testing.T) {
	for _, s := range []string{
		"", "the", "THE", "The les", "İs", "İS the", "\u212Aa", "a\xffthe", "the\xff", "para una", "withs", "tHat,Y",
		"名the", "the名", "是 del", "Ωthe", "theΩ del",
		// runs of ideographs (read three bytes at a time) in and after words
		"名称名称", "the名称名 les", "t名名名y", "名名名名 les", "é名名名", "Ω名名名", "名名\xe5\x80名名", "名名\xe4\xb7\x80名",
		"del名名名del", "名名Ab名名名", "a名", "名名",
	} {
		checkTally(t, s)
	}
	var b strings.Builder
	for r := rune(0); r <= unicode.MaxRune; r++ {
		c := string(r)
		b.WriteString(c + " t" + c + "e " + c + "s " + c + "the " + c + "名名" + c + "y名名名" + c)
		if b.Len() > 1<<16 || r == unicode.MaxRune {
			checkTally(t, b.String())
			b.Reset()
		}
	}
}

// TestLanguageOf checks that lines given apart read as the same lines
// joined by line breaks.
func TestLanguageOf(t *testing.T) {
	lines := []string{"The Committee", "noted les", "名称", "", "y los", "del"}
	for n := range len(lines) + 1 {
		if got, want := LanguageOf(slices.Values(lines[:n])), Language(strings.Join(lines[:n], "\n")); got != want {
			t.Errorf("LanguageOf(%q) = %q, want %q", lines[:n], got, want)
		}
	}
}

// FuzzTally checks tally.add against the reference on any bytes.
func FuzzTally(f *testing.F) {
	for _, s := range []string{"The les y 名称", "İS\u212A", "a\xffthe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkTally(t, s) })
}

func BenchmarkLanguage(b *testing.B) {
	data, err := os.ReadFile("testdata/real/A_81_6_Sect.24.layout.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Language(text)
	}
}
