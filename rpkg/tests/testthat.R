library(testthat)
library(kerasbridge)

test_check("kerasbridge")
