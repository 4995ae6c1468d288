namespace Municipal.Forms.Storage;

/// <summary>Where new tracking codes come from: <see cref="TrackingCodes.New"/>. A service, so that a test can force a collision.</summary>
public class TrackingCodeSource
{
    public virtual string Next() => TrackingCodes.New();
}
