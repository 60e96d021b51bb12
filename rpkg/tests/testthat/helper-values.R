# A tensor's elements as a plain R vector, for comparing with base R (a file comparing arrays,
# dim included, defines `values` as as.array() for itself).
values <- function(x) as.vector(as.array(x))
