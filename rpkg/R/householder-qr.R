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
# the column (alpha, x) to (beta, 0) with beta real, -sign(Re(alpha)) times the column's norm;
# none (tau = 0) when x is zero and alpha real.
householder_qr <- function(a, complete) {
  m <- nrow(a)
  n <- ncol(a)
  steps <- min(m, n)
  taus <- vector(typeof(a), steps)
  for (i in seq_len(steps)) {
    below <- seq_len(m - i) + i
    alpha <- a[i, i]
    norm_below <- sqrt(sum(Mod(a[below, i])^2))
    if (norm_below == 0 && Im(alpha) == 0) next
    beta <- (if (Re(alpha) >= 0) -1 else 1) * sqrt(Mod(alpha)^2 + norm_below^2)
    taus[[i]] <- if (is.complex(a)) complex(real = (beta - Re(alpha)) / beta, imaginary = -Im(alpha) / beta) else (beta - alpha) / beta
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
  # q = H1 H2 ... Hk applied to the first columns of the identity, the last reflection first.
  q <- diag(if (is.complex(a)) 1 + 0i else 1, m, width)
  for (i in rev(seq_len(steps))) {
    if (taus[[i]] == 0) next
    rows <- i:m
    v <- c(1, a[seq_len(m - i) + i, i])
    q[rows, ] <- q[rows, , drop = FALSE] - taus[[i]] * v %*% crossprod(Conj(v), q[rows, , drop = FALSE])
  }
  list(q, r)
}
