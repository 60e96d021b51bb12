namespace KerasRBridge.Engine.Tests;

/// <summary>Summary statistics of a tensor's values, for the statistical tests of random output.</summary>
internal sealed record RandomSampleStatistics(double Mean, double Stddev, double Min, double Max, long Count)
{
    public static RandomSampleStatistics Of(NdArray values)
    {
        double[] x = values.ToArray<double>();
        double mean = x.Average();
        double variance = x.Sum(v => (v - mean) * (v - mean)) / x.Length;
        return new RandomSampleStatistics(mean, Math.Sqrt(variance), x.Min(), x.Max(), x.LongLength);
    }

    /// <summary>Five standard errors of the mean: a bound a correct sampler breaks about once in 10^6 runs.</summary>
    public double MeanTolerance(double populationStddev) => 5 * populationStddev / Math.Sqrt(Count);

    /// <summary>A relative tolerance on the standard deviation that covers five standard errors
    /// for the sample sizes used here (the relative error of s is about 1/sqrt(2n)).</summary>
    public double StddevTolerance(double populationStddev) => populationStddev * 5 / Math.Sqrt(2.0 * Count) * 1.5;
}
