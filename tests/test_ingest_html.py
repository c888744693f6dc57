"""Reading HTML pages: main text without navigation, and metadata."""
from __future__ import annotations

import pytest

from sitrep.errors import InputError
from sitrep.ingest.html import article_from_html

PAGE = """<html><head><title>Truce holds in Idlib | Sample Post</title>
<meta property="og:site_name" content="Sample Post"><meta name="date" content="2020-03-06"></head>
<body><nav>Home | World | Sport</nav><article><h1>Truce holds in Idlib</h1>
<p>A ceasefire brokered by Russia and Turkey held in northwest Syria on Friday, monitors said, after weeks of fighting.</p>
<p>Residents returned to some villages near the front line, according to local officials.</p></article>
<footer>Copyright Sample Post</footer></body></html>"""


def test_html_extracts_body_and_metadata():
    art = article_from_html(PAGE, id="idlib", where="idlib.html")
    assert art.title == "Truce holds in Idlib" and art.published == "2020-03-06" and art.source == "Sample Post"
    assert "ceasefire brokered by Russia and Turkey" in art.text
    assert "Home | World" not in art.text and "Copyright" not in art.text


@pytest.mark.parametrize("page", ["<html><body></body></html>", "<html><body><nav>Home</nav></body></html>",
                                  "<html><head><title>Only a title</title></head></html>"])
def test_html_without_article_text_is_refused(page):
    with pytest.raises(InputError, match="no article text"):
        article_from_html(page, id="x", where="x.html")
