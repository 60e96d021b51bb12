# Every help page renders as R users read it: no markdown left as written (roxygen's markdown is
# on), no description cut short, and a package page.

rendered_pages <- local({
  db <- tools::Rd_db("kerasbridge")
  lapply(db, function(rd) paste(utils::capture.output(tools::Rd2txt(rd, options = list(underline_titles = FALSE))), collapse = "\n"))
})

section_text <- function(text, title) {
  after <- sub(paste0("(?s).*\n", title, ":\n"), "", text, perl = TRUE)
  sub("(?s)\n[A-Z][A-Za-z ]+:\n.*", "", after, perl = TRUE)
}

test_that("the package has help pages to check", {
  expect_gt(length(rendered_pages), 30)
})

for (page in names(rendered_pages)) {
  test_that(sprintf("%s renders without leftover markdown", page), {
    text <- rendered_pages[[page]]
    expect_false(grepl("\\[[A-Za-z_.]+\\(\\)\\]", text), info = "a markdown link left as [name()]")
    expect_false(grepl("\\*\\*[^*\n]+\\*\\*", text), info = "bold left as **text**")
    expect_false(grepl("`", text, fixed = TRUE), info = "code left in backticks")
  })

  test_that(sprintf("%s has a whole description", page), {
    description <- trimws(section_text(rendered_pages[[page]], "Description"))
    expect_gt(nchar(description), 20)
    expect_match(description, "[.:)]$")
    chars <- strsplit(description, "")[[1]]
    expect_identical(sum(chars == "("), sum(chars == ")"))
  })
}

test_that("?kerasbridge is the package's page", {
  expect_true("kerasbridge-package.Rd" %in% names(rendered_pages))
  expect_match(rendered_pages[["kerasbridge-package.Rd"]], "Keras 3")
})

test_that("methods show as methods in the usage, not as functions with dotted names", {
  expect_false(grepl("class 'equal.kerasbridge_object'", rendered_pages[["tensor_ops.Rd"]], fixed = TRUE))
  expect_match(rendered_pages[["tensor_ops.Rd"]], "all.equal(target, current, ...)", fixed = TRUE)
})

test_that("citation() names the package and its authors", {
  entry <- gsub("\\s+", " ", format(utils::citation("kerasbridge"), style = "text"))
  expect_match(entry, "KerasRBridge developers (2026)", fixed = TRUE)
  expect_match(entry, "kerasbridge: Keras 3 Variables Backed by a .NET Engine", fixed = TRUE)
})
