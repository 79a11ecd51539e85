namespace NewsWatch.Alerts;

/// <summary>What one article did to its story: started it, added a report, or moved it to a later stage.</summary>
public sealed record StoryUpdate(Story Story, bool Started, string? PreviousStage)
{
    public bool StageAdvanced => !Started && Story.Stage != PreviousStage;
}
