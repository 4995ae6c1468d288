using Municipal.Forms.Model;
using Municipal.Forms.Requests;
using Municipal.Forms.Storage;

namespace Municipal.Forms.Tests.Handlers;

/// <summary>The default workflow of a request, and the CSV cells of the agents' export.</summary>
public sealed class RequestWorkflowTests
{
    [Theory]
    [InlineData(SubmissionStatus.Received, SubmissionStatus.InProgress)]
    [InlineData(SubmissionStatus.Received, SubmissionStatus.InformationRequested)]
    [InlineData(SubmissionStatus.InProgress, SubmissionStatus.InformationRequested)]
    [InlineData(SubmissionStatus.InProgress, SubmissionStatus.Accepted)]
    [InlineData(SubmissionStatus.InProgress, SubmissionStatus.Refused)]
    [InlineData(SubmissionStatus.InformationRequested, SubmissionStatus.InProgress)]
    [InlineData(SubmissionStatus.Accepted, SubmissionStatus.Closed)]
    [InlineData(SubmissionStatus.Refused, SubmissionStatus.Closed)]
    public void The_default_workflow_allows_its_moves(SubmissionStatus from, SubmissionStatus to)
    {
        Assert.True(RequestWorkflow.Default.Allows(from, to));
        Assert.Null(RequestWorkflow.Default.Refusal(from, to));
    }

    [Theory]
    [InlineData(SubmissionStatus.Received, SubmissionStatus.Accepted)]
    [InlineData(SubmissionStatus.Received, SubmissionStatus.Closed)]
    [InlineData(SubmissionStatus.Accepted, SubmissionStatus.Refused)]
    [InlineData(SubmissionStatus.InProgress, SubmissionStatus.InProgress)]
    [InlineData(SubmissionStatus.Closed, SubmissionStatus.InProgress)]
    public void Other_moves_are_refused_with_a_french_reason(SubmissionStatus from, SubmissionStatus to)
    {
        Assert.False(RequestWorkflow.Default.Allows(from, to));
        Assert.Contains(from.Label(), RequestWorkflow.Default.Refusal(from, to), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_information_requested_needs_a_question_and_every_status_has_an_address_slug()
    {
        Assert.Equal([SubmissionStatus.InformationRequested], Enum.GetValues<SubmissionStatus>().Where(RequestWorkflow.NeedsQuestion));
        Assert.All(RequestStatusSlugs.All, s => Assert.Equal(s, RequestStatusSlugs.Parse(s.Slug())));
        Assert.Null(RequestStatusSlugs.Parse("Accepted"));
    }

    [Theory]
    [InlineData("Trottoir", "Trottoir")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+32 81 00 00 00", "'+32 81 00 00 00")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("=a;\"b\"", "\"'=a;\"\"b\"\"\"")]
    [InlineData("ligne 1\nligne 2", "\"ligne 1\nligne 2\"")]
    [InlineData("", "")]
    public void Csv_cells_are_defused_and_quoted(string value, string expected) =>
        Assert.Equal(expected, RequestCsv.Cell(value));
}
