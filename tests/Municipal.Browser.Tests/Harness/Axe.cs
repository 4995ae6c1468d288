using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Municipal.Browser.Tests.Harness;

/// <summary>axe-core checks of WCAG 2.0, 2.1 and 2.2, levels A and AA.</summary>
public static class Axe
{
    /// <summary>Runs axe on the page as it is and fails with every violation, its rule and the offending nodes.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        if (await FindViolationsAsync(page) is { } report)
        {
            throw new XunitException(report);
        }
    }

    /// <summary>Runs axe on the page as it is; returns a readable report of its violations, or null when there is none.</summary>
    public static async Task<string?> FindViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
            // Passes and incomplete results are then reported with one node each: less to serialise, same verdict.
            ResultTypes = [ResultType.Violations],
        });

        if (result.Passes.Length == 0)
        {
            return $"axe ran no passing rule on {page.Url}: it did not analyse the page.";
        }

        return result.Violations.Length == 0 ? null : Describe(page.Url, result.Violations);
    }

    private static string Describe(string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder();
        text.Append(violations.Length).Append(" axe violation(s) on ").AppendLine(url);
        foreach (var violation in violations)
        {
            text.AppendLine()
                .Append("- ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").AppendLine(violation.Help)
                .Append("  ").AppendLine(violation.HelpUrl.ToString());
            foreach (var node in violation.Nodes)
            {
                text.Append("    at ").Append(node.Target).Append(": ").AppendLine(node.Html);
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    text.Append("       ").AppendLine(check.Message);
                }
            }
        }

        return text.ToString();
    }
}
