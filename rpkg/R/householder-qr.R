# The QR decomposition of one matrix as LAPACK's geqrf and orgqr/ungqr compute it, which NumPy's
# qr (Keras's NumPy backend) calls: Householder reflections in column order, no pivoting. R's
# qr() is not that. For real matrices it calls LINPACK (fast, compiled), whose reflections are
# LAPACK's but for a column already zero below the diagonal: LINPACK still reflects it, negating
# its row of r and column of q, where LAPACK leaves them; those are turned back. For complex
# matrices it calls LAPACK's zgeqp3, which pivots columns (its q and r are another matrix's), so
# the reflections are computed here.
lapack_qr <- function(a, complete) {
  if (is.complex(a)) return(householder_qr(a, complete))
  decomposition <- qr(a, tol = 0)
  q <- qr.Q(decomposition, complete = complete)
  r <- qr.R(decomposition, complete = complete)
  m <- nrow(a)
  reflected_alone <- vapply(seq_len(min(m - 1L, ncol(a))), function(l)
    decomposition$qraux[[l]] != 0 && all(decomposition$qr[(l + 1L):m, l] == 0), TRUE)
  flipped <- which(reflected_alone)
  q[, flipped] <- -q[, flipped]
  r[flipped, ] <- -r[flipped, ]
  list(q, r)
}

# Each reflection is LAPACK's larfg: H = I - tau v v^H with v[1] = 1, chosen so that H^H maps
# the column (alpha, x) to (beta, 0) with beta real, -sign(Re(alpha)) times the column's norm
# (the sign of -0 counting, as Fortran's SIGN); none (tau = 0) when x is zero and alpha real.
# Only complex matrices come here.
householder_qr <- function(a, complete) {
  m <- nrow(a)
  n <- ncol(a)
  steps <- min(m, n)
  taus <- complex(steps)
  for (i in seq_len(steps)) {
    below <- seq_len(m - i) + i
    alpha <- a[i, i]
    norm_below <- scaled_norm(Mod(a[below, i]))
    if (norm_below == 0 && Im(alpha) == 0) next
    negative <- Re(alpha) < 0 || (Re(alpha) == 0 && 1 / Re(alpha) < 0)
    beta <- (if (negative) 1 else -1) * scaled_norm(c(Mod(alpha), norm_below))
    taus[[i]] <- complex(real = (beta - Re(alpha)) / beta, imaginary = -Im(alpha) / beta)
    a[below, i] <- a[below, i] / (alpha - beta)
    a[i, i] <- beta
    if (i < n) {
      rows <- i:m
      right <- (i + 1L):n
      v <- c(1, a[below, i])
      a[rows, right] <- a[rows, right, drop = FALSE] - Conj(taus[[i]]) * v %*% crossprod(Conj(v), a[rows, right, drop = FALSE])
    }
  }
  width <- if (complete) m else steps
  r <- a[seq_len(width), , drop = FALSE]
  r[lower.tri(r)] <- 0
  # q = H1 H2 ... Hk applied to the first columns of the identity, the last reflection first;
  # H_i leaves the columns before i, still the identity's, as they are.
  q <- diag(1 + 0i, m, width)
  for (i in rev(seq_len(steps))) {
    if (taus[[i]] == 0) next
    rows <- i:m
    columns <- i:width
    v <- c(1, a[seq_len(m - i) + i, i])
    q[rows, columns] <- q[rows, columns, drop = FALSE] - taus[[i]] * v %*% crossprod(Conj(v), q[rows, columns, drop = FALSE])
  }
  list(q, r)
}

# The Euclidean norm of non-negative `values`, scaled by the largest so that squares neither
# overflow (1e200) nor underflow (1e-170), as LAPACK's nrm2.
scaled_norm <- function(values) {
  largest <- if (length(values)) max(values) else 0
  if (largest == 0 || !is.finite(largest)) return(largest)
  largest * sqrt(sum((values / largest)^2))
}
